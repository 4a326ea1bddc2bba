import { WIRE_LIMITS, type SnapshotV1 } from '@tcpfleet/model';
import { execFile, spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { AGENT_MAIN, agentBuilt } from '../support/agent-process';
import { ApiProcess, ENROLL_SECRET } from '../support/api-process';

jest.setTimeout(180_000);

const CONNECTIONS = WIRE_LIMITS.maxCounts + 600;

function agent(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [AGENT_MAIN, ...args],
      { maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH, TCPFLEET_LOG_FORMAT: 'json' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Holds the client ends in a process of its own: each side of a connection is a file descriptor.
const CLIENTS = `
const { connect } = require('node:net');
const [port, total] = process.argv.slice(1).map(Number);
const held = [];
const one = () => new Promise((resolve, reject) => {
  const socket = connect(port, '127.0.0.1', () => resolve(socket));
  socket.on('error', reject);
});
(async () => {
  while (held.length < total) held.push(...(await Promise.all(Array.from({ length: 100 }, one))));
  process.stdout.write('ready\\n');
})();
process.stdin.on('end', () => process.exit(0)).resume();
`;

/**
 * Open connections to a server on a port of the ephemeral range, whose listener then goes away (a
 * service restarted on a high port): the server's side of each connection now has two ephemeral
 * ports and no listener, so the summariser counts it under the client's port, one key each.
 */
async function orphanedConnections(): Promise<() => void> {
  const accepted: Socket[] = [];
  const server: Server = createServer((socket) => accepted.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 1024, resolve));
  const port = (server.address() as { port: number }).port;
  const clients = spawn(process.execPath, ['-e', CLIENTS, String(port), String(CONNECTIONS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    clients.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    clients.once('exit', (code) => reject(new Error(`the client process ended (${code})`)));
  });
  server.close();
  // Reset rather than closed: no side is left in TIME_WAIT, so the pile is gone at once and does not
  // swell the counts of other tests' agents on this machine for the next minute.
  return () => {
    accepted.forEach((socket) => socket.resetAndDestroy());
    clients.stdin.end();
  };
}

(agentBuilt() ? describe : describe.skip)(
  'an agent on a host with more count keys than the wire allows',
  () => {
    let api: ApiProcess;
    let release = (): void => undefined;
    beforeAll(async () => {
      api = await ApiProcess.start('');
      release = await orphanedConnections();
    });
    afterAll(async () => {
      release();
      await api?.destroy();
    });

    it('keeps its counts within WIRE_LIMITS.maxCounts, so the API takes the snapshot', async () => {
      const once = await agent(['once', '--json', '--no-attribution']);
      expect(once.code).toBe(0);
      const snapshot = JSON.parse(once.stdout) as SnapshotV1;
      expect(snapshot.collector.socketCount).toBeGreaterThan(WIRE_LIMITS.maxCounts);
      expect(snapshot.counts.length).toBeLessThanOrEqual(WIRE_LIMITS.maxCounts);
    });

    it('delivers such a snapshot instead of having it refused and dropped', async () => {
      const stateDir = `${api.dataDir}/agent`;
      const run = await agent([
        'run',
        '--once',
        '--server',
        api.url,
        '--enroll-secret',
        ENROLL_SECRET,
        '--state-dir',
        stateDir,
        '--hostname',
        'many-keys',
        '--no-attribution',
      ]);
      const refusal = run.stderr.split('\n').find((line) => line.includes('refused'));
      expect({ code: run.code, refusal }).toEqual({ code: 0, refusal: undefined });
    });
  },
);
