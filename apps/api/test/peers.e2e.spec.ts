import { TcpState, WIRE_LIMITS } from '@tcpfleet/model';
import { enroll, graphql, push } from './support/http';
import { count, snapshot } from './support/snapshots';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

const PEERS = `query($h: String!) { host(hostname: $h) {
  listeners { address port acceptQueue backlog process pid }
  destinations { address port count states { state count } } } }`;

const fieldsOf = (answer: { body: any }): string[] =>
  answer.body.error.fields.map((f: { field: string }) => f.field).sort();

describe('listeners and destinations in snapshots', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.stop());

  it('stores the latest listeners and destinations of a host, replaced by its next snapshot', async () => {
    const token = await enroll(t.url, 'peers-1');
    const now = Date.now();
    const first = snapshot({
      hostname: 'peers-1',
      collectedAt: new Date(now - 60_000),
      counts: [count(TcpState.LISTEN, 443, 'nginx', 1)],
      listeners: [{ address: '0.0.0.0', port: 443, acceptQueue: 7, backlog: 511, process: 'nginx', pid: 80 }],
      destinations: [
        { address: '10.0.0.5', port: 5432, count: 130, states: { TIME_WAIT: 120, ESTABLISHED: 10 } },
      ],
    });
    expect((await push(t.url, token, first)).status).toBe(200);
    const stored = await graphql(t.url, ADMIN_KEY, PEERS, { h: 'peers-1' });
    expect(stored.body.data.host).toEqual({
      listeners: [{ address: '0.0.0.0', port: 443, acceptQueue: 7, backlog: 511, process: 'nginx', pid: 80 }],
      destinations: [
        {
          address: '10.0.0.5',
          port: 5432,
          count: 130,
          states: [
            { state: 'TIME_WAIT', count: 120 },
            { state: 'ESTABLISHED', count: 10 },
          ],
        },
      ],
    });
    const next = snapshot({
      hostname: 'peers-1',
      collectedAt: new Date(now - 30_000),
      counts: [count(TcpState.LISTEN, 443, 'nginx', 1)],
      listeners: [{ address: '::', port: 8080, acceptQueue: 0 }],
    });
    expect((await push(t.url, token, next)).status).toBe(200);
    const replaced = await graphql(t.url, ADMIN_KEY, PEERS, { h: 'peers-1' });
    expect(replaced.body.data.host).toEqual({
      listeners: [{ address: '::', port: 8080, acceptQueue: 0, backlog: null, process: null, pid: null }],
      destinations: null,
    });
  });

  it('answers null for a host whose agent does not report them', async () => {
    const token = await enroll(t.url, 'peers-2');
    await push(
      t.url,
      token,
      snapshot({ hostname: 'peers-2', counts: [count(TcpState.LISTEN, 22, 'sshd', 1)] }),
    );
    const answer = await graphql(t.url, ADMIN_KEY, PEERS, { h: 'peers-2' });
    expect(answer.body.data.host).toEqual({ listeners: null, destinations: null });
  });

  it('answers 400 naming each bad listener and destination field, and stores nothing', async () => {
    const token = await enroll(t.url, 'peers-3');
    const snap = snapshot({ hostname: 'peers-3', counts: [count(TcpState.LISTEN, 22, 'sshd', 1)] }) as any;
    snap.listeners = [
      { address: 'not-an-ip', port: 70000, acceptQueue: -1, backlog: 1.5, process: 'a\u0000b', pid: 'x' },
      { address: '127.0.0.1', port: 22, acceptQueue: 0, extra: 1 },
    ];
    snap.destinations = [
      { address: '10.0.0.5', port: 5432, count: 10, states: { TIME_WAIT: 11 } },
      { address: '10.0.0.6', port: 5432, count: 10, states: { NOT_A_STATE: 1 } },
      { address: '10.0.0.7', port: 5432, count: 10, states: { TIME_WAIT: 6, SYN_SENT: 6 } },
      { address: '10.0.0.8', port: 5432, count: 1e12, states: [] },
    ];
    const answer = await push(t.url, token, snap);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer)).toEqual(
      [
        'listeners.0.address',
        'listeners.0.port',
        'listeners.0.acceptQueue',
        'listeners.0.backlog',
        'listeners.0.process',
        'listeners.0.pid',
        'listeners.1.extra',
        'destinations.0.states',
        'destinations.1.states',
        'destinations.2.states',
        'destinations.3.count',
        'destinations.3.states',
      ].sort(),
    );
    const reasons = answer.body.error.fields.map((f: { reason: string }) => f.reason).join('\n');
    expect(reasons).toContain('add up to 12, more than count (10)');
    expect(reasons).toContain('"NOT_A_STATE" is not a state');
    const host = await graphql(t.url, ADMIN_KEY, PEERS, { h: 'peers-3' });
    expect(host.body.data.host).toEqual({ listeners: null, destinations: null });
  });

  it('refuses lists over the limits both sides agree on', async () => {
    const token = await enroll(t.url, 'peers-4');
    const snap = snapshot({ hostname: 'peers-4', counts: [] }) as any;
    snap.listeners = Array.from({ length: WIRE_LIMITS.maxListeners + 1 }, (_, i) => ({
      address: '0.0.0.0',
      port: (i % 65535) + 1,
      acceptQueue: 0,
    }));
    snap.destinations = Array.from({ length: WIRE_LIMITS.maxDestinations + 1 }, () => ({
      address: '10.0.0.5',
      port: 80,
      count: 1,
      states: { ESTABLISHED: 1 },
    }));
    snap.host.os = 'plan9';
    const answer = await push(t.url, token, snap);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer)).toEqual(['destinations', 'host.os', 'listeners']);
  });
});
