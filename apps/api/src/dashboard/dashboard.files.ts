import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The built dashboard (apps/dashboard/dist), found from this file in src/dashboard or dist/dashboard:
 * three levels up is apps/. A container image copies it to the same place beside the API.
 */
export const DASHBOARD_DIR = resolve(__dirname, '../../../dashboard/dist');

/** The files the dashboard consists of, and nothing else is served from its folder. */
export const DASHBOARD_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

export const BUILD_HINT =
  'The dashboard is not built. From the repository root run `pnpm run build` ' +
  '(or only the dashboard: `pnpm --filter @tcpfleet/dashboard build`), then reload this page.';

export class DashboardFiles {
  constructor(readonly dir: string = DASHBOARD_DIR) {}

  /** The dashboard files missing from the folder; empty when it is built. */
  missing(): string[] {
    return Object.keys(DASHBOARD_FILES).filter((name) => !existsSync(join(this.dir, name)));
  }

  /** A file's path and type, or null for a name that is not one of the dashboard's files. */
  file(name: string): { path: string; type: string } | null {
    if (!Object.hasOwn(DASHBOARD_FILES, name)) return null;
    return { path: join(this.dir, name), type: DASHBOARD_FILES[name] };
  }
}
