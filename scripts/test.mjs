// The README's test command after set-up: format, lint, types, then every jest suite.
import { ensurePnpm, run } from './lib/pnpm.mjs';

const pnpm = ensurePnpm();
run(pnpm, ['run', '--silent', 'format:check']);
run(pnpm, ['run', '--silent', 'lint']);
run(pnpm, ['run', '--silent', 'typecheck']);
run(pnpm, ['exec', 'jest', '--ci']);
