import {
  DEFAULT_EPHEMERAL_RANGES,
  destinationsOf,
  Direction,
  evaluateFindings,
  FindingRule,
  summarise,
  TcpState,
} from '../../src';
import { HOST, onPort, Opened, readProcTables } from './loopback';

const range = DEFAULT_EPHEMERAL_RANGES.linux;
const CONNECTIONS = 60;
// A 100-port range, given as the host's: 60 sockets towards one service take 60% of it.
const small = { low: 61000, high: 61099 };

/**
 * Short connections towards one listener, each closed by the client first: the client's end waits
 * in TIME_WAIT on its ephemeral port, so the ports towards HOST:port are used up one by one.
 */
describe('EPHEMERAL_PORT_EXHAUSTION on real sockets', () => {
  const opened = new Opened();
  afterAll(() => opened.close());

  it('names the destination address and port whose sockets fill the range', async () => {
    const port = await opened.listen({});
    for (let i = 0; i < CONNECTIONS; i++) {
      const client = await opened.connect(port);
      // The client closes first; the server ends its side on the FIN, so the client lands in TIME_WAIT.
      await new Promise((resolve) => client.once('close', resolve).end());
    }
    const sockets = onPort(readProcTables(), port);
    const destinations = destinationsOf(sockets, 100, range);
    expect(destinations).toEqual([
      { address: HOST, port, count: CONNECTIONS, states: { [TcpState.TIME_WAIT]: CONNECTIONS } },
    ]);

    const now = new Date();
    const input = {
      now,
      lastSeenAt: now,
      staleAfterSeconds: 60,
      counts: summarise(sockets, { ephemeralRange: range }),
      destinations,
    };
    expect(evaluateFindings({ ...input, ephemeralRange: range })).toEqual([]);
    const findings = evaluateFindings({ ...input, ephemeralRange: small });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      [FindingRule.EPHEMERAL_PORT_EXHAUSTION, 'warning'],
    ]);
    expect(findings[0]?.evidence).toEqual({
      port,
      direction: Direction.OUTBOUND,
      destination: { address: HOST, port },
      count: CONNECTIONS,
      threshold: 50,
      limit: 100,
    });
    expect(findings[0]?.explanation).toContain(`${CONNECTIONS} sockets (${CONNECTIONS} in TIME_WAIT)`);
  }, 30_000);
});
