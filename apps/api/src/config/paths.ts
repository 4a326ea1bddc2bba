import { resolve } from 'node:path';

// This file sits at apps/api/src/config (or apps/api/dist/config once built): four levels below the root.
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** The plain SQL migrations, shipped beside src and dist rather than compiled. */
export const MIGRATIONS_DIR = resolve(__dirname, '../../migrations');
