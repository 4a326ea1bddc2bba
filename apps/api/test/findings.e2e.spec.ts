import { Direction, TcpState } from '@tcpfleet/model';
import { enroll, graphql, push } from './support/http';
import { count, snapshot, socket } from './support/snapshots';
import { ADMIN_KEY, runCli, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(90_000);

const FIELDS = `rule severity title explanation nextStep evidence {
  state address port direction process pid destination { address port } count threshold limit
  trend { from to windowSeconds perMinute } lastSeenAt }`;
const HOST = `query($h: String!) { host(hostname: $h) { findings { ${FIELDS} } } }`;
const FLEET = `query($where: FindingWhere, $first: Int, $after: String) {
  findings(where: $where, first: $first, after: $after) {
    nodes { host { hostname stale } rule severity evidence { port count } }
    pageInfo { hasNextPage endCursor } } }`;

const MINUTE = 60_000;

describe('findings over GraphQL', () => {
  let t: TestApi;
  const now = Date.now();
  const q = (query: string, variables?: unknown) => graphql(t.url, ADMIN_KEY, query, variables);
  const hostFindings = async (hostname: string) => (await q(HOST, { h: hostname })).body.data.host.findings;

  async function pushAll(hostname: string, snapshots: ReturnType<typeof snapshot>[]): Promise<void> {
    const token = await enroll(t.url, hostname);
    for (const snap of snapshots) {
      const answer = await push(t.url, token, snap);
      if (answer.status !== 200) throw new Error(`${hostname}: ${JSON.stringify(answer.body)}`);
    }
  }

  beforeAll(async () => {
    t = await startTestApi({ TCPFLEET_STALE_AFTER_SECONDS: '600' });
    // A CLOSE_WAIT leak below the warning level, growing at every snapshot for ten minutes.
    await pushAll(
      'leak-1',
      [20, 35, 50, 50, 65, 80].map((n, i) =>
        snapshot({
          hostname: 'leak-1',
          labels: { role: 'api' },
          collectedAt: new Date(now - (10 - 2 * i) * MINUTE),
          counts: [count(TcpState.CLOSE_WAIT, 8443, 'java', n), count(TcpState.LISTEN, 8443, 'java', 1)],
          sockets: [socket(TcpState.CLOSE_WAIT, 8443, 50001, 4242, 'java')],
        }),
      ),
    );
    await pushAll('syn-1', [
      snapshot({
        hostname: 'syn-1',
        labels: { role: 'edge' },
        counts: [count(TcpState.SYN_RECEIVED, 443, null, 150), count(TcpState.LISTEN, 443, 'nginx', 1)],
        sockets: [socket(TcpState.LISTEN, 443, 0, 812, 'nginx')],
      }),
    ]);
    await pushAll('tw-1', [
      snapshot({
        hostname: 'tw-1',
        labels: { role: 'api' },
        ephemeralPortRange: { low: 50000, high: 50999 },
        counts: [
          count(TcpState.TIME_WAIT, 5432, 'app', 840, Direction.OUTBOUND),
          count(TcpState.ESTABLISHED, 5432, 'app', 10, Direction.OUTBOUND),
        ],
        destinations: [
          { address: '10.0.0.5', port: 5432, count: 850, states: { TIME_WAIT: 840, ESTABLISHED: 10 } },
          { address: '10.0.0.6', port: 5432, count: 12, states: { TIME_WAIT: 12 } },
        ],
      }),
    ]);
    await pushAll('backlog-1', [
      snapshot({
        hostname: 'backlog-1',
        counts: [count(TcpState.LISTEN, 8080, 'node', 1), count(TcpState.ESTABLISHED, 8080, 'node', 40)],
        listeners: [
          { address: '0.0.0.0', port: 8080, acceptQueue: 129, backlog: 128, process: 'node', pid: 77 },
          { address: '0.0.0.0', port: 22, acceptQueue: 0, backlog: 128, process: 'sshd', pid: 1 },
        ],
      }),
    ]);
    await pushAll('stale-1', [
      snapshot({
        hostname: 'stale-1',
        collectedAt: new Date(now - 20 * MINUTE),
        counts: [count(TcpState.ESTABLISHED, 22, 'sshd', 1)],
      }),
    ]);
    await pushAll(
      'healthy-1',
      [3, 2, 4, 3, 3].map((n, i) =>
        snapshot({
          hostname: 'healthy-1',
          labels: { role: 'api' },
          collectedAt: new Date(now - (8 - 2 * i) * MINUTE),
          counts: [
            count(TcpState.CLOSE_WAIT, 8443, 'java', n),
            count(TcpState.ESTABLISHED, 8443, 'java', 300),
            count(TcpState.SYN_RECEIVED, 8443, null, 2),
            count(TcpState.TIME_WAIT, 5432, 'java', 40, Direction.OUTBOUND),
          ],
          listeners: [{ address: '0.0.0.0', port: 8443, acceptQueue: 1, backlog: 511, process: 'java' }],
          destinations: [{ address: '10.0.0.5', port: 5432, count: 40, states: { TIME_WAIT: 40 } }],
        }),
      ),
    );
  });
  afterAll(() => t?.stop());

  it('finds a CLOSE_WAIT leak by its steady growth, with the trend as evidence', async () => {
    const [leak, ...rest] = await hostFindings('leak-1');
    expect(rest).toEqual([]);
    expect(leak).toMatchObject({
      rule: 'CLOSE_WAIT_LEAK',
      severity: 'WARNING',
      evidence: {
        state: 'CLOSE_WAIT',
        port: 8443,
        direction: 'INBOUND',
        process: 'java',
        pid: 4242,
        count: 80,
        threshold: null,
        trend: { from: 20, to: 80, windowSeconds: 600 },
      },
    });
    expect(leak.evidence.trend.perMinute).toBeGreaterThan(5);
    expect(leak.title).toContain('java (pid 4242)');
    expect(leak.nextStep).toContain('4242');
  });

  it('finds half-open handshakes piling up on a listening port', async () => {
    expect(await hostFindings('syn-1')).toEqual([
      expect.objectContaining({
        rule: 'SYN_RECEIVED_PILEUP',
        severity: 'WARNING',
        evidence: expect.objectContaining({
          state: 'SYN_RECEIVED',
          port: 443,
          process: 'nginx',
          count: 150,
          threshold: 100,
        }),
      }),
    ]);
  });

  it('finds TIME_WAIT towards one destination eating the ephemeral range', async () => {
    expect(await hostFindings('tw-1')).toEqual([
      expect.objectContaining({
        rule: 'EPHEMERAL_PORT_EXHAUSTION',
        severity: 'CRITICAL',
        evidence: expect.objectContaining({
          destination: { address: '10.0.0.5', port: 5432 },
          port: 5432,
          direction: 'OUTBOUND',
          count: 850,
          threshold: 800,
          limit: 1000,
        }),
      }),
    ]);
  });

  it('finds a listener whose accept queue is full', async () => {
    expect(await hostFindings('backlog-1')).toEqual([
      expect.objectContaining({
        rule: 'LISTEN_BACKLOG_SATURATION',
        severity: 'CRITICAL',
        evidence: expect.objectContaining({
          state: 'LISTEN',
          address: '0.0.0.0',
          port: 8080,
          process: 'node',
          pid: 77,
          count: 129,
          threshold: 128,
          limit: 128,
        }),
      }),
    ]);
  });

  it('finds a host that stopped reporting', async () => {
    const findings = await hostFindings('stale-1');
    expect(findings).toEqual([expect.objectContaining({ rule: 'HOST_NOT_REPORTING', severity: 'WARNING' })]);
    expect(findings[0].evidence.lastSeenAt).toBe(new Date(now - 20 * MINUTE).toISOString());
    expect(findings[0].evidence.count).toBeGreaterThanOrEqual(20 * 60);
  });

  it('finds nothing on a healthy host', async () => {
    expect(await hostFindings('healthy-1')).toEqual([]);
  });

  it('lists the hosts affected fleet-wide, filtered by rule, severity, labels and hostname', async () => {
    const fleet = async (where: unknown) => {
      const answer = await q(FLEET, { where });
      expect(answer.body.errors).toBeUndefined();
      return answer.body.data.findings.nodes.map((n: any) => `${n.host.hostname} ${n.rule} ${n.severity}`);
    };
    expect(await fleet(null)).toEqual([
      'backlog-1 LISTEN_BACKLOG_SATURATION CRITICAL',
      'leak-1 CLOSE_WAIT_LEAK WARNING',
      'stale-1 HOST_NOT_REPORTING WARNING',
      'syn-1 SYN_RECEIVED_PILEUP WARNING',
      'tw-1 EPHEMERAL_PORT_EXHAUSTION CRITICAL',
    ]);
    expect(await fleet({ rule: 'CLOSE_WAIT_LEAK' })).toEqual(['leak-1 CLOSE_WAIT_LEAK WARNING']);
    expect(await fleet({ severity: 'CRITICAL' })).toEqual([
      'backlog-1 LISTEN_BACKLOG_SATURATION CRITICAL',
      'tw-1 EPHEMERAL_PORT_EXHAUSTION CRITICAL',
    ]);
    expect(await fleet({ labels: [{ key: 'role', value: 'api' }] })).toEqual([
      'leak-1 CLOSE_WAIT_LEAK WARNING',
      'tw-1 EPHEMERAL_PORT_EXHAUSTION CRITICAL',
    ]);
    expect(await fleet({ hostname: 's*', severity: ['WARNING', 'CRITICAL'] })).toEqual([
      'stale-1 HOST_NOT_REPORTING WARNING',
      'syn-1 SYN_RECEIVED_PILEUP WARNING',
    ]);
  });

  it('pages through the fleet findings with a cursor', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const answer = await q(FLEET, { first: 2, after });
      const { nodes, pageInfo } = answer.body.data.findings;
      seen.push(...nodes.map((n: any) => n.host.hostname));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(['backlog-1', 'leak-1', 'stale-1', 'syn-1', 'tw-1']);
    const bad = await q(FLEET, { after: 'nope' });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('stops at start on a bad threshold, naming its variable', async () => {
    const result = await runCli(['serve'], {
      ...t.env,
      TCPFLEET_FINDING_SYN_SENT_WARNING: '500',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TCPFLEET_FINDING_SYN_SENT_WARNING');
  });
});
