import { Direction, TcpState } from '@tcpfleet/model';
import pg from 'pg';
import { enroll, graphql, push } from './support/http';
import { count, snapshot, socket } from './support/snapshots';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

const HOST = `query($h: String!) { host(hostname: $h) {
  counts { state direction port process pid count }
  sockets(where: { state: CLOSE_WAIT }) { truncated nodes { localPort remotePort state pid process } } } }`;

const byKey = (a: { state: string; port: number }, b: { state: string; port: number }) =>
  a.state.localeCompare(b.state) || a.port - b.port;

describe('the current view of a host', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.stop());

  it('follows each snapshot: changed counts, kept ones, new and vanished keys, null processes', async () => {
    const token = await enroll(t.url, 'current-1');
    const at = Date.now() - 60_000;
    const first = snapshot({
      hostname: 'current-1',
      collectedAt: new Date(at),
      counts: [
        count(TcpState.LISTEN, 22, null, 1),
        count(TcpState.ESTABLISHED, 22, 'sshd', 2),
        count(TcpState.CLOSE_WAIT, 443, 'java', 9),
        count(TcpState.TIME_WAIT, 5432, null, 4, Direction.OUTBOUND),
      ],
      sockets: [
        socket(TcpState.CLOSE_WAIT, 443, 50000, 10, 'java'),
        socket(TcpState.LISTEN, 22, 0, 1, 'sshd'),
      ],
    });
    const second = snapshot({
      hostname: 'current-1',
      collectedAt: new Date(at + 30_000),
      counts: [
        count(TcpState.LISTEN, 22, null, 1),
        count(TcpState.ESTABLISHED, 22, 'sshd', 3),
        count(TcpState.TIME_WAIT, 5432, null, 4, Direction.OUTBOUND),
        count(TcpState.CLOSE_WAIT, 8080, null, 5),
      ],
      sockets: [socket(TcpState.CLOSE_WAIT, 8080, 50001), socket(TcpState.ESTABLISHED, 22, 50002, 1, 'sshd')],
    });
    for (const snap of [first, second]) expect((await push(t.url, token, snap)).status).toBe(200);
    const host = (await graphql(t.url, ADMIN_KEY, HOST, { h: 'current-1' })).body.data.host;
    expect([...host.counts].sort(byKey)).toEqual([
      { state: 'CLOSE_WAIT', direction: 'INBOUND', port: 8080, process: null, pid: null, count: 5 },
      { state: 'ESTABLISHED', direction: 'INBOUND', port: 22, process: 'sshd', pid: 1, count: 3 },
      { state: 'LISTEN', direction: 'INBOUND', port: 22, process: null, pid: null, count: 1 },
      { state: 'TIME_WAIT', direction: 'OUTBOUND', port: 5432, process: null, pid: null, count: 4 },
    ]);
    expect(host.sockets).toEqual({
      truncated: false,
      nodes: [{ localPort: 8080, remotePort: 50001, state: 'CLOSE_WAIT', pid: null, process: null }],
    });
  });

  it('keeps process names as sent, however they read in an array literal, apart from no process', async () => {
    const token = await enroll(t.url, 'current-names');
    const names = ['NULL', '', 'a,b', '{c}', 'say "hi"', 'C:\\bin\\x', ' lead', 'ünï'];
    const counts = [
      ...names.map((name, index) => count(TcpState.ESTABLISHED, 1000 + index, name, index + 1)),
      count(TcpState.ESTABLISHED, 999, null, 50),
    ];
    const history = `query($h: String!) { host(hostname: $h) { counts { port process count } } }`;
    for (const offset of [60_000, 30_000]) {
      const snap = snapshot({
        hostname: 'current-names',
        collectedAt: new Date(Date.now() - offset),
        counts,
      });
      expect((await push(t.url, token, snap)).status).toBe(200);
    }
    const host = (await graphql(t.url, ADMIN_KEY, history, { h: 'current-names' })).body.data.host;
    expect([...host.counts].sort((a, b) => a.port - b.port)).toEqual([
      { port: 999, process: null, count: 50 },
      ...names.map((name, index) => ({ port: 1000 + index, process: name, count: index + 1 })),
    ]);
  });

  // Against PostgreSQL only: the embedded store belongs to the API process while it runs.
  const withServer = process.env.TCPFLEET_TEST_PG_URL ? it : it.skip;

  withServer('still reads a socket list stored as jsonb before migration 0004', async () => {
    const token = await enroll(t.url, 'legacy-1');
    const snap = snapshot({ hostname: 'legacy-1', counts: [count(TcpState.CLOSE_WAIT, 443, 'java', 1)] });
    expect((await push(t.url, token, snap)).status).toBe(200);
    const client = new pg.Client({ connectionString: t.env.DATABASE_URL });
    await client.connect();
    try {
      const legacy = [socket(TcpState.CLOSE_WAIT, 443, 40000, 5, 'java'), socket(TcpState.LISTEN, 443, 0)];
      await client.query(
        `update host_sockets set socket_list = null, sockets = $1::jsonb
         where host_id = (select host_id from hosts where hostname = 'legacy-1')`,
        [JSON.stringify(legacy)],
      );
    } finally {
      await client.end();
    }
    const host = (await graphql(t.url, ADMIN_KEY, HOST, { h: 'legacy-1' })).body.data.host;
    expect(host.sockets.nodes).toEqual([
      { localPort: 443, remotePort: 40000, state: 'CLOSE_WAIT', pid: 5, process: 'java' },
    ]);
  });
});
