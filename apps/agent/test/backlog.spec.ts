import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import { FindingRule, TcpState, type SnapshotV1 } from '@tcpfleet/model';
import { PLATFORMS } from '../src/collect/platform';
import { commandRunner } from '../src/collect/runner';
import { snapshotFindings } from '../src/report/findings';
import { SnapshotTaker } from '../src/snapshot/take';
import { linuxOptions } from './fixtures';

const HOST = '127.0.0.1';
const BACKLOG = 2;
// ss reads the backlog; without it (not Linux, a minimal image) there is nothing to read it with.
const linux = process.platform === 'linux' && spawnSync('ss', ['-V']).status === 0;

// A listener whose process never accepts: it listens, says its port, and blocks its only thread.
const NEVER_ACCEPTS =
  `require('net').createServer().listen({ port: 0, host: '${HOST}', backlog: ${BACKLOG} }, function () {` +
  " process.stdout.write(this.address().port + '\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); });";

function snapshotTaker(): SnapshotTaker {
  const options = linuxOptions('/proc', { run: commandRunner({ timeoutMs: 5000 }) });
  return new SnapshotTaker({
    os: 'linux',
    platform: PLATFORMS.linux,
    options,
    hostname: 'backlog-test',
    labels: {},
    maxSockets: 100,
  });
}

(linux ? describe : describe.skip)('a listener with a full accept queue, on real sockets', () => {
  let child: ChildProcess;
  let port: number;
  const clients: Socket[] = [];
  beforeAll(async () => {
    child = spawn(process.execPath, ['-e', NEVER_ACCEPTS], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = Number(String((await once(child.stdout!, 'data')) as unknown[]));
    // The queue holds one more than the backlog (sk_acceptq_is_full() is `>`, include/net/sock.h).
    for (let i = 0; i <= BACKLOG; i++) {
      const client = createConnection({ port, host: HOST });
      clients.push(client);
      await once(client, 'connect');
    }
  });
  afterAll(() => {
    for (const client of clients) client.destroy();
    child.kill();
  });

  /** A snapshot once the last handshake's ACK has reached the listener. */
  async function settled(taker: SnapshotTaker): Promise<SnapshotV1> {
    for (let tries = 0; ; tries++) {
      const snapshot = await taker.take();
      const ours = snapshot.listeners?.find((l) => l.address === HOST && l.port === port);
      if (ours?.acceptQueue === BACKLOG + 1 || tries === 100) return snapshot;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('carries the backlog ss reports beside the queue /proc reports, and the owner', async () => {
    const snapshot = await settled(snapshotTaker());
    const ours = snapshot.listeners?.find((l) => l.address === HOST && l.port === port);
    expect(ours).toEqual({
      address: HOST,
      port,
      acceptQueue: BACKLOG + 1,
      backlog: BACKLOG,
      process: 'node',
      pid: child.pid,
    });
  });

  it('makes once show LISTEN_BACKLOG_SATURATION with the evidence', async () => {
    const snapshot = await settled(snapshotTaker());
    const found = snapshotFindings(snapshot).filter((f) => f.rule === FindingRule.LISTEN_BACKLOG_SATURATION);
    expect(found.map((f) => [f.severity, f.evidence.port])).toContainEqual(['critical', port]);
    const finding = found.find((f) => f.evidence.port === port);
    expect(finding?.evidence).toMatchObject({
      state: TcpState.LISTEN,
      address: HOST,
      count: BACKLOG + 1,
      limit: BACKLOG,
      pid: child.pid,
    });
    expect(finding?.nextStep).toMatch(/ss -ltn/);
  });
});
