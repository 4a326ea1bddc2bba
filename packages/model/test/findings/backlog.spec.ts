import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  Direction,
  evaluateFindings,
  FindingRule,
  listenersOf,
  parseSs,
  TcpState,
  DEFAULT_EPHEMERAL_RANGES,
} from '../../src';
import { HOST, Opened, sleep } from './loopback';

/** This test's listener as `ss -ltn` shows it, through the parser and listenersOf. */
function queued(port: number) {
  const parsed = parseSs(execFileSync('ss', ['-ltn'], { encoding: 'utf8' }));
  const mine = parsed.sockets.filter((s) => s.localAddress === HOST && s.localPort === port);
  return listenersOf(mine, 100, parsed.format);
}

const BACKLOG = 2;

// A listener whose process never accepts: it listens, says its port, and blocks its only thread.
const NEVER_ACCEPTS =
  `require('net').createServer().listen({ port: 0, host: '${HOST}', backlog: ${BACKLOG} }, function () {` +
  " process.stdout.write(this.address().port + '\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); });";

/**
 * Connections the kernel completes into the accept queue of a listener nobody accepts from, read
 * back with `ss -ltn`: for a listener, Recv-Q is the queue and Send-Q the backlog (iproute2
 * misc/ss.c, from tcp_diag_get_info() in the kernel's net/ipv4/tcp_diag.c).
 */
describe('LISTEN_BACKLOG_SATURATION on real sockets', () => {
  const opened = new Opened();
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill();
    await opened.close();
  });

  it('finds the listener with a full accept queue', async () => {
    child = spawn(process.execPath, ['-e', NEVER_ACCEPTS], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = Number(
      await new Promise<string>((resolve) => child!.stdout!.once('data', (data) => resolve(String(data)))),
    );
    // The queue holds one more than the backlog (sk_acceptq_is_full() is `>`, include/net/sock.h).
    for (let i = 0; i <= BACKLOG; i++) await opened.connect(port);
    // Later SYNs are dropped while the queue is full: these wait in SYN_SENT.
    for (let i = 0; i < 3; i++) opened.attempt(port);

    // The last handshake's ACK reaches the listener just after the client sees it connected.
    let listeners = queued(port);
    for (let tries = 0; tries < 100 && listeners[0]?.acceptQueue !== BACKLOG + 1; tries++) {
      await sleep(20);
      listeners = queued(port);
    }
    expect(listeners).toEqual([{ address: HOST, port, acceptQueue: BACKLOG + 1, backlog: BACKLOG }]);

    const now = new Date();
    const findings = evaluateFindings({
      now,
      lastSeenAt: now,
      staleAfterSeconds: 60,
      ephemeralRange: DEFAULT_EPHEMERAL_RANGES.linux,
      counts: [],
      listeners,
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      [FindingRule.LISTEN_BACKLOG_SATURATION, 'critical'],
    ]);
    expect(findings[0]?.evidence).toEqual({
      state: TcpState.LISTEN,
      address: HOST,
      port,
      direction: Direction.INBOUND,
      process: null,
      count: BACKLOG + 1,
      threshold: BACKLOG,
      limit: BACKLOG,
    });
  }, 30_000);
});
