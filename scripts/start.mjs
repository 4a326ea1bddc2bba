// The README's run command after set-up: the API on embedded PGlite and an agent on this machine
// pushing to it. Secrets for this local fleet are made once and kept in .tcpfleet/local.json (0600).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/pnpm.mjs';

const home = join(root, '.tcpfleet');
mkdirSync(home, { recursive: true, mode: 0o700 });
const port = Number(process.env.PORT ?? 8080);
const server = `http://127.0.0.1:${port}`;
const local = localSecrets(join(home, 'local.json'));

const children = [];
const dataDir = process.env.TCPFLEET_DATA_DIR ?? join(home, 'data');
const api = start('api', join(root, 'apps/api/dist/main.js'), ['serve'], {
  PORT: String(port),
  TCPFLEET_DATA_DIR: dataDir,
  TCPFLEET_ENROLL_SECRET: process.env.TCPFLEET_ENROLL_SECRET ?? local.enrollSecret,
  TCPFLEET_ADMIN_KEY: process.env.TCPFLEET_ADMIN_KEY ?? local.adminKey,
});
await waitForReady(api);

start('agent', join(root, 'apps/agent/dist/main.js'), ['run', '--interval', '15s'], {
  TCPFLEET_SERVER: server,
  TCPFLEET_ENROLL_SECRET: process.env.TCPFLEET_ENROLL_SECRET ?? local.enrollSecret,
  // Beside the database it enrolled with: a new store means a new enrolment, not a stale token.
  TCPFLEET_STATE_DIR: `${dataDir}-agent`,
});

// A small simulated fleet beside the real agent, so the fleet queries have hosts to show at once.
const fleet = ['--server', server, '--hosts', '12', '--interval', '30s', '--quiet'];
start('simulator', join(root, 'bench/dist/simulate.js'), fleet, {
  TCPFLEET_ENROLL_SECRET: process.env.TCPFLEET_ENROLL_SECRET ?? local.enrollSecret,
});

console.log(`
tcpfleet is running.
  Dashboard    ${server}/dashboard/
  GraphQL IDE  ${server}/graphql   (Authorization: Bearer ${process.env.TCPFLEET_ADMIN_KEY ? '$TCPFLEET_ADMIN_KEY' : local.adminKey})
  REST docs    ${server}/openapi.json
  Health       ${server}/healthz
Try the headline query:
  { hosts(where: { sockets: { state: CLOSE_WAIT, port: 443, countGt: 100 } }) {
      nodes { hostname os lastSeenAt count topProcesses { name pid count } } } }
Ctrl-C stops everything.
`);

function localSecrets(file) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    enrollSecret: randomBytes(24).toString('base64url'),
    adminKey: `tfk_${randomBytes(24).toString('base64url')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function start(name, script, args, env) {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
    stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

async function waitForReady(child) {
  for (let i = 0; i < 120 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${server}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not become ready at ${server}/readyz within 60 s`);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
