import {
  DEFAULT_EPHEMERAL_RANGES,
  Direction,
  evaluateFindings,
  FindingRule,
  summarise,
  TcpState,
  type HistoryPoint,
  type SocketCount,
} from '../../src';
import { onPort, Opened, readProcTables, sleep } from './loopback';

const range = DEFAULT_EPHEMERAL_RANGES.linux;
const ROUNDS = 6;
const PER_ROUND = 5;

/**
 * A server that accepts and never closes; clients that connect and close. Each closed client leaves
 * the server's end in CLOSE_WAIT, sampled from /proc/net/tcp after every round as the agent reads it.
 */
describe('CLOSE_WAIT_LEAK on real sockets', () => {
  const opened = new Opened();
  afterAll(() => opened.close());

  it('finds the leak on the server port from the growth of the samples', async () => {
    let ended = 0;
    // allowHalfOpen: Node does not end the server's side when the client's FIN arrives.
    const port = await opened.listen({ allowHalfOpen: true }, (socket) => socket.on('end', () => ended++));
    const history: HistoryPoint[] = [];
    let counts: SocketCount[] = [];
    let at = new Date();
    for (let round = 1; round <= ROUNDS; round++) {
      const clients = await Promise.all(Array.from({ length: PER_ROUND }, () => opened.connect(port)));
      for (const client of clients) client.end();
      while (ended < round * PER_ROUND) await sleep(5);
      at = new Date();
      counts = summarise(onPort(readProcTables(), port), { ephemeralRange: range });
      history.push(...counts.map((row) => ({ at, ...row })));
      await sleep(300);
    }

    const findings = evaluateFindings({
      now: at,
      lastSeenAt: at,
      staleAfterSeconds: 60,
      ephemeralRange: range,
      counts,
      history,
    });

    expect(findings.map((f) => f.rule)).toEqual([FindingRule.CLOSE_WAIT_LEAK]);
    const { evidence } = findings[0]!;
    // 30 is under the count threshold (100): the finding comes from the trend.
    expect(evidence).toEqual({
      state: TcpState.CLOSE_WAIT,
      port,
      direction: Direction.INBOUND,
      process: null,
      count: ROUNDS * PER_ROUND,
      trend: {
        from: PER_ROUND,
        to: ROUNDS * PER_ROUND,
        windowSeconds: expect.any(Number),
        perMinute: expect.any(Number),
      },
    });
    expect(evidence.trend!.perMinute).toBeGreaterThan(60);
    expect(findings[0]?.nextStep).toContain(`( sport = :${port} )`);
  }, 30_000);
});
