// Step one of both README commands: the pinned pnpm, the locked dependencies, a fresh build.
import { ensurePnpm, run } from './lib/pnpm.mjs';

const pnpm = ensurePnpm();
run(pnpm, ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']);
run(pnpm, ['run', '--silent', 'build']);
