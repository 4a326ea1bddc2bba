import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSecret } from './secrets';

const FILE = 'admin.secret';

/**
 * The running embedded API's local admin secret: written into the data directory, readable by its owner
 * only, so that admin commands run on the same machine by the same user can go through the API (which
 * holds the store) without a key in the environment. Access to the data directory already means full
 * access to the data; this grants nothing more. A new one is made at every start.
 */
export function writeLocalAdminSecret(dataDir: string): string {
  const secret = newSecret('local admin');
  writeFileSync(join(dataDir, FILE), secret, { mode: 0o600 });
  return secret;
}

export function readLocalAdminSecret(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function removeLocalAdminSecret(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}
