// Finds (and if need be installs) the pnpm version pinned in package.json, so that the README's two
// commands work on a machine that has only Node.js and npm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const localBin = join(root, '.tools', 'node_modules', '.bin', 'pnpm');

function versionOf(command) {
  try {
    return execFileSync(command, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function npm(args) {
  return spawnSync('npm', args, { stdio: 'inherit', cwd: root }).status === 0;
}

/** Returns a command that runs the pinned pnpm, installing it first when it is missing. */
export function ensurePnpm() {
  if (versionOf('pnpm') === pinned) return 'pnpm';
  if (existsSync(localBin) && versionOf(localBin) === pinned) return localBin;
  console.error(`setup: installing pnpm ${pinned} with npm`);
  if (
    npm(['install', '--global', '--no-fund', '--no-audit', `pnpm@${pinned}`]) &&
    versionOf('pnpm') === pinned
  ) {
    return 'pnpm';
  }
  console.error(`setup: a global install was not possible; installing pnpm ${pinned} into .tools/`);
  if (npm(['install', '--prefix', join(root, '.tools'), '--no-fund', '--no-audit', `pnpm@${pinned}`])) {
    return localBin;
  }
  throw new Error(`setup: could not install pnpm ${pinned} with npm; install it by hand and run again`);
}

/** Runs pnpm with the given arguments in the repository root and exits the process if it fails. */
export function run(pnpm, args, env = {}) {
  const result = spawnSync(pnpm, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${[pnpm, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
