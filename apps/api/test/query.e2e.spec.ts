import { Direction, resolveStateName, TcpState, TCP_STATES, vocabulariesFor } from '@tcpfleet/model';
import { enroll, graphql, push, request } from './support/http';
import { count, snapshot, socket } from './support/snapshots';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

const HEADLINE = `{ hosts(where: { sockets: { state: CLOSE_WAIT, port: 443, countGt: 100 } }) {
  nodes { hostname os lastSeenAt count topProcesses { name pid count } } } }`;

const names = (answer: { body: any }): string[] =>
  answer.body.data.hosts.nodes.map((n: { hostname: string }) => n.hostname);

describe('the GraphQL query surface over HTTP', () => {
  let t: TestApi;
  const seen: Record<string, string> = {};
  const q = (query: string, variables?: unknown) => graphql(t.url, ADMIN_KEY, query, variables);

  beforeAll(async () => {
    t = await startTestApi({ TCPFLEET_STALE_AFTER_SECONDS: '120' });
    const now = Date.now();
    const fleet = [
      snapshot({
        hostname: 'web-1',
        labels: { role: 'web', env: 'prod' },
        collectedAt: new Date(now - 5_000),
        counts: [
          count(TcpState.CLOSE_WAIT, 443, 'java', 150),
          count(TcpState.CLOSE_WAIT, 443, 'nginx', 30),
          count(TcpState.ESTABLISHED, 443, 'nginx', 500),
        ],
        sockets: [
          socket(TcpState.CLOSE_WAIT, 443, 50001, 4242, 'java'),
          socket(TcpState.CLOSE_WAIT, 443, 50002, 4242, 'java'),
          socket(TcpState.CLOSE_WAIT, 443, 50003, 77, 'nginx'),
          socket(TcpState.ESTABLISHED, 443, 50004, 77, 'nginx'),
        ],
      }),
      snapshot({
        hostname: 'web-2',
        labels: { role: 'web', env: 'test' },
        collectedAt: new Date(now - 5_000),
        counts: [
          count(TcpState.CLOSE_WAIT, 443, 'java', 60),
          count(TcpState.CLOSE_WAIT, 443, 'curl "quoted", {braced}', 50, Direction.OUTBOUND),
        ],
      }),
      snapshot({
        hostname: 'db-1',
        os: 'freebsd',
        labels: { role: 'db' },
        collectedAt: new Date(now - 600_000),
        counts: [
          count(TcpState.SYN_RECEIVED, 5432, 'postgres', 40),
          count(TcpState.CLOSE_WAIT, 443, 'x', 500),
        ],
      }),
      snapshot({
        hostname: 'mac-1',
        os: 'darwin',
        collectedAt: new Date(now - 5_000),
        counts: [count(TcpState.FIN_WAIT_1, 8080, null, 3), count(TcpState.FIN_WAIT_2, 8080, null, 4)],
      }),
    ];
    for (const snap of fleet) {
      seen[snap.host.hostname] = snap.collectedAt;
      const answer = await push(t.url, await enroll(t.url, snap.host.hostname), snap);
      expect(answer.status).toBe(200);
    }
  });
  afterAll(() => t?.stop());

  it('answers the headline query in one call with the exact hosts, counts and processes', async () => {
    const answer = await q(HEADLINE);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: {
        hosts: {
          nodes: [
            {
              hostname: 'web-1',
              os: 'linux',
              lastSeenAt: seen['web-1'],
              count: 180,
              topProcesses: [
                { name: 'java', pid: 4242, count: 150 },
                { name: 'nginx', pid: 77, count: 30 },
              ],
            },
            {
              hostname: 'web-2',
              os: 'linux',
              lastSeenAt: seen['web-2'],
              count: 110,
              topProcesses: [
                { name: 'java', pid: null, count: 60 },
                { name: 'curl "quoted", {braced}', pid: null, count: 50 },
              ],
            },
          ],
        },
      },
    });
  });

  it('takes a state in any OS spelling, FIN_WAIT meaning both FIN_WAIT states', async () => {
    const query = `query($s: SocketCountFilter!, $w: Staleness) { hosts(where: { sockets: $s, staleness: $w }) { nodes { hostname count } } }`;
    const spelled = await q(query, { s: { stateName: 'close-wait', port: 443, countGt: 100 } });
    expect(spelled.body.data.hosts.nodes).toEqual([
      { hostname: 'web-1', count: 180 },
      { hostname: 'web-2', count: 110 },
    ]);
    const fin = await q(query, { s: { stateName: 'FIN_WAIT' } });
    expect(fin.body.data.hosts.nodes).toEqual([{ hostname: 'mac-1', count: 7 }]);
    const rcvd = await q(query, { s: { stateName: 'SYN_RCVD', port: 5432 }, w: 'ANY' });
    expect(rcvd.body.data.hosts.nodes).toEqual([{ hostname: 'db-1', count: 40 }]);
    const unknown = await q(query, { s: { stateName: 'NOT_A_STATE' } });
    expect(unknown.body.errors[0].extensions.code).toBe('UNKNOWN_STATE');
    expect(unknown.body.errors[0].message).toContain('accepted');
  });

  it('filters by direction, count bounds, hostname pattern, labels, OS and staleness', async () => {
    const inbound = await q(
      `{ hosts(where: { sockets: { state: CLOSE_WAIT, port: 443, direction: INBOUND, countGt: 100 } }) { nodes { hostname count } } }`,
    );
    expect(inbound.body.data.hosts.nodes).toEqual([{ hostname: 'web-1', count: 180 }]);
    const few = await q(
      `{ hosts(where: { sockets: { state: CLOSE_WAIT, port: 443, countLt: 100 } }) { nodes { hostname count } } }`,
    );
    expect(few.body.data.hosts.nodes).toEqual([{ hostname: 'mac-1', count: 0 }]);
    const between = await q(
      `{ hosts(where: { sockets: { state: CLOSE_WAIT, countGte: 110, countLt: 180 } }) { nodes { hostname } } }`,
    );
    expect(names(between)).toEqual(['web-2']);
    expect(names(await q(`{ hosts(where: { hostname: "WEB-*" }) { nodes { hostname } } }`))).toEqual([
      'web-1',
      'web-2',
    ]);
    expect(
      names(
        await q(
          `{ hosts(where: { labels: [{ key: "role", value: "web" }, { key: "env", value: "prod" }] }) { nodes { hostname } } }`,
        ),
      ),
    ).toEqual(['web-1']);
    expect(names(await q(`{ hosts(where: { os: ["darwin", "freebsd"] }) { nodes { hostname } } }`))).toEqual([
      'mac-1',
    ]);
    const stale = await q(`{ hosts(where: { staleness: STALE }) { nodes { hostname stale } } }`);
    expect(stale.body.data.hosts.nodes).toEqual([{ hostname: 'db-1', stale: true }]);
    expect(
      names(await q(`{ hosts(where: { labels: [{ key: "role", value: "db" }] }) { nodes { hostname } } }`)),
    ).toEqual([]);
    expect(
      names(
        await q(`{ hosts(where: { staleness: FRESH, staleAfterSeconds: 3600 }) { nodes { hostname } } }`),
      ),
    ).toHaveLength(4);
  });

  it('sorts and pages with cursors', async () => {
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await q(
        `query($after: String) { hosts(first: 1, after: $after, where: { staleness: ANY }, orderBy: { field: HOSTNAME, direction: ASC }) {
        nodes { hostname } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      all.push(...names(page));
      after = page.body.data.hosts.pageInfo.hasNextPage ? page.body.data.hosts.pageInfo.endCursor : null;
    } while (after);
    expect(all).toEqual(['db-1', 'mac-1', 'web-1', 'web-2']);
    const byCount: string[] = [];
    after = null;
    do {
      const page: any = await q(
        `query($after: String) { hosts(first: 1, after: $after, where: { sockets: { state: CLOSE_WAIT }, staleness: ANY }) {
        nodes { hostname } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      byCount.push(...names(page));
      after = page.body.data.hosts.pageInfo.hasNextPage ? page.body.data.hosts.pageInfo.endCursor : null;
    } while (after);
    expect(byCount).toEqual(['db-1', 'web-1', 'web-2']);
    const bad = await q(`{ hosts(after: "garbage") { nodes { hostname } } }`);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('shows one host: counts, filtered sockets, top processes and history', async () => {
    const answer = await q(`{ host(hostname: "web-1") {
      hostname count stale labels { key value }
      counts(where: { state: CLOSE_WAIT }) { state direction port process pid count }
      sockets(where: { process: "java" }) { truncated nodes { localPort remotePort pid state } }
      topProcesses(limit: 1) { name count }
      history(state: CLOSE_WAIT, port: 443, stepSeconds: 60) { count samples } } }`);
    const host = answer.body.data.host;
    expect(host.count).toBe(680);
    expect(host.stale).toBe(false);
    expect(host.labels).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'role', value: 'web' },
    ]);
    expect(host.counts).toEqual([
      { state: 'CLOSE_WAIT', direction: 'INBOUND', port: 443, process: 'java', pid: 4242, count: 150 },
      { state: 'CLOSE_WAIT', direction: 'INBOUND', port: 443, process: 'nginx', pid: 77, count: 30 },
    ]);
    expect(host.sockets.nodes).toEqual([
      { localPort: 443, remotePort: 50001, pid: 4242, state: 'CLOSE_WAIT' },
      { localPort: 443, remotePort: 50002, pid: 4242, state: 'CLOSE_WAIT' },
    ]);
    expect(host.topProcesses).toEqual([{ name: 'nginx', count: 530 }]);
    expect(host.history).toEqual([{ count: 180, samples: 1 }]);
    const missing = await q(`{ host(hostname: "nope") { hostname } }`);
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('totals the fleet per state over the hosts that report', async () => {
    const answer = await q(`{ fleet { hosts staleHosts totals { state count hosts } } }`);
    const fleet = answer.body.data.fleet;
    expect(fleet.hosts).toBe(3);
    expect(fleet.staleHosts).toBe(1);
    expect(fleet.totals).toHaveLength(TCP_STATES.length);
    const totals = Object.fromEntries(fleet.totals.map((s: { state: string }) => [s.state, s]));
    expect(totals[TcpState.CLOSE_WAIT]).toEqual({ state: 'CLOSE_WAIT', count: 290, hosts: 2 });
    expect(totals[TcpState.SYN_RECEIVED]).toEqual({ state: 'SYN_RECEIVED', count: 0, hosts: 0 });
  });

  it('serves the state model from the shared package', async () => {
    const answer = await q(`{ states { state description side pileUp spellings { vocabulary names codes } }
      resolveState(name: "SynReceived") }`);
    const states = answer.body.data.states;
    expect(states.map((s: { state: string }) => s.state)).toEqual(TCP_STATES);
    const closeWait = states.find((s: { state: string }) => s.state === TcpState.CLOSE_WAIT);
    expect(closeWait.spellings).toEqual(
      vocabulariesFor(TcpState.CLOSE_WAIT).map((v) => ({ vocabulary: v.id, names: v.names, codes: v.codes })),
    );
    expect(answer.body.data.resolveState).toEqual(resolveStateName('SynReceived'));
  });

  it('refuses queries without a valid key, and admin calls with a reader key', async () => {
    const none = await graphql(t.url, undefined, HEADLINE);
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await graphql(t.url, 'tfk_wrong', HEADLINE)).status).toBe(401);
    const created = await request(`${t.url}/v1/admin/keys`, 'POST', {
      token: ADMIN_KEY,
      body: { name: 'dash', role: 'reader' },
    });
    expect(created.status).toBe(201);
    const reader = created.body.key;
    expect((await graphql(t.url, reader, HEADLINE)).body.data.hosts.nodes).toHaveLength(2);
    expect((await request(`${t.url}/v1/admin/keys`, 'GET', { token: reader })).status).toBe(403);
    expect(
      (await request(`${t.url}/v1/admin/keys/${created.body.id}`, 'DELETE', { token: ADMIN_KEY })).status,
    ).toBe(204);
    expect((await graphql(t.url, reader, HEADLINE)).status).toBe(401);
  });

  it('refuses costly queries, alias and fragment bombs, and batches, with a clear error', async () => {
    const costly = await q(`{ hosts(first: 500) { nodes { history { count } sockets { nodes { pid } } } } }`);
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].message).toMatch(/query too complex: cost over/);
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: states { state }`).join(' ');
    expect((await q(`{ ${aliases} }`)).body.errors[0].message).toMatch(/aliases/);
    const fragments = Array.from(
      { length: 16 },
      (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`,
    ).join('\n');
    const bomb = await q(`{ ...f0 }\n${fragments}\nfragment f16 on Query { states { state } }`);
    expect(bomb.body.errors[0].message).toMatch(/query too complex/);
    const batch = await request(`${t.url}/graphql`, 'POST', {
      token: ADMIN_KEY,
      body: [{ query: '{ states { state } }' }, { query: '{ states { state } }' }],
    });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.body)).toMatch(/batching/i);
  });

  it('answers a mutation or subscription 400 as a validation error, as it does an unknown field', async () => {
    for (const [query, named] of [
      ['mutation { dropHosts }', /no mutation operations/],
      ['subscription { states { state } }', /no subscription operations/],
      ['{ passwords }', /Cannot query field "passwords"/],
    ] as const) {
      const answer = await q(query);
      expect({ status: answer.status, code: answer.body.errors[0].extensions.code }).toEqual({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
      });
      expect(answer.body.errors[0].message).toMatch(named);
    }
  });

  it('counts aliases of __typename against the alias limit, and ends their fragment bombs early', async () => {
    const typenames = Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ');
    const aliases = await q(`{ ${typenames} }`);
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors[0].message).toMatch(/2000 aliases \(at most 50\)/);
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`,
    ).join('\n');
    const bomb = await q(`{ ...f0 }\n${fragments}\nfragment f40 on Query { __typename }`);
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors[0].message).toMatch(/query too complex: cost over/);
  });

  it('serves health, readiness, the OpenAPI document and an offline IDE', async () => {
    expect((await request(`${t.url}/healthz`, 'GET')).body).toEqual({ status: 'ok' });
    expect((await request(`${t.url}/readyz`, 'GET')).body).toEqual({ status: 'ready' });
    const openapi = await request(`${t.url}/openapi.json`, 'GET');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/v1/enroll', '/v1/snapshots', '/readyz']),
    );
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('/ide/graphiql.min.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of [
      'graphiql.min.js',
      'graphiql.min.css',
      'react.production.min.js',
      'react-dom.production.min.js',
      'ide.js',
    ]) {
      expect((await fetch(`${t.url}/ide/${asset}`)).status).toBe(200);
    }
  });
});
