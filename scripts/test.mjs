// The README's test command after set-up: format, lint and types, every jest suite (the API's
// end-to-end suite on embedded PGlite), then the API's end-to-end suite again on real PostgreSQL.
import { mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ensurePnpm, root, run } from './lib/pnpm.mjs';

const pnpm = ensurePnpm();
const reports = join(root, '.tcpfleet', 'test-reports');
mkdirSync(reports, { recursive: true });

run(pnpm, ['run', '--silent', 'format:check']);
run(pnpm, ['run', '--silent', 'lint']);
run(pnpm, ['run', '--silent', 'typecheck']);

const totals = { passed: 0, failed: 0 };
function jest(name, args, env = {}) {
  const outputFile = join(reports, `${name}.json`);
  run(pnpm, ['exec', 'jest', '--ci', '--json', `--outputFile=${outputFile}`, ...args], env);
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

jest('all', []);

const pgUrl = process.env.TCPFLEET_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (await reachable(new URL(pgUrl))) {
  jest('api-postgres', ['--selectProjects', 'api', '--testPathPatterns', 'apps/api/test/'], {
    TCPFLEET_TEST_PG_URL: pgUrl,
  });
} else if (process.env.CI) {
  console.error(`test: PostgreSQL is not reachable at ${pgUrl}, and CI must run the suite against it`);
  process.exit(1);
} else {
  console.error(`test: PostgreSQL is not reachable at ${pgUrl}; skipped the API suite on real PostgreSQL`);
  console.error('test: start a server there or set TCPFLEET_TEST_PG_URL to run it');
}

// One closing line in the plain form CI reads, over every jest run above.
console.log(`${totals.passed} passed, ${totals.failed} failed`);

function reachable(url) {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) });
    socket.setTimeout(2000);
    const settle = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => settle(true));
    socket.once('timeout', () => settle(false));
    socket.once('error', () => settle(false));
  });
}
