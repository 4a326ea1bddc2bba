import { TcpState, WIRE_LIMITS } from '@tcpfleet/model';
import { deflateSync, gzipSync } from 'node:zlib';
import { enroll, graphql, push, request } from './support/http';
import { count, snapshot, socket, uuidv7 } from './support/snapshots';
import { ADMIN_KEY, ENROLL_SECRET, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

const HOST_COUNTS = `query($h: String!) { host(hostname: $h) { lastSeenAt count counts { state port process count } } }`;

describe('enrolment and ingestion over HTTP', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.stop());

  it('enrols a host with the fleet secret and refuses a wrong one', async () => {
    const ok = await request(`${t.url}/v1/enroll`, 'POST', {
      token: ENROLL_SECRET,
      body: { hostname: 'enrol-1' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({
      hostId: expect.any(String),
      hostname: 'enrol-1',
      token: expect.stringMatching(/^tfh_/),
    });
    const wrong = await request(`${t.url}/v1/enroll`, 'POST', {
      token: 'not-the-secret-at-all',
      body: { hostname: 'x' },
    });
    expect(wrong.status).toBe(401);
    const none = await request(`${t.url}/v1/enroll`, 'POST', { body: { hostname: 'x' } });
    expect(none.status).toBe(401);
    const bad = await request(`${t.url}/v1/enroll`, 'POST', {
      token: ENROLL_SECRET,
      body: { hostname: 'bad host;' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['hostname']);
  });

  it('refuses to enrol a hostname held by another machine id', async () => {
    await enroll(t.url, 'enrol-2', 'machine-a');
    await expect(enroll(t.url, 'enrol-2', 'machine-a')).resolves.toMatch(/^tfh_/);
    const other = await request(`${t.url}/v1/enroll`, 'POST', {
      token: ENROLL_SECRET,
      body: { hostname: 'enrol-2', machineId: 'machine-b' },
    });
    expect(other.status).toBe(409);
  });

  it('stores a snapshot once, answers a retry the same, and refuses a reused id with other content', async () => {
    const token = await enroll(t.url, 'idem-1');
    const snap = snapshot({ hostname: 'idem-1', counts: [count(TcpState.ESTABLISHED, 22, 'sshd', 3)] });
    const first = await push(t.url, token, snap);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: snap.id, created: true, current: true });
    const again = await push(t.url, token, snap);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: snap.id, created: false, current: true });
    const host = await graphql(t.url, ADMIN_KEY, HOST_COUNTS, { h: 'idem-1' });
    expect(host.body.data.host.counts).toEqual([
      { state: 'ESTABLISHED', port: 22, process: 'sshd', count: 3 },
    ]);
    const changed = await push(t.url, token, {
      ...snap,
      counts: [count(TcpState.ESTABLISHED, 22, 'sshd', 4)],
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.fields).toEqual([{ field: 'id', reason: expect.any(String) }]);
  });

  it('knows a retry by its bytes: compressed again or not, the same JSON is the same snapshot', async () => {
    const token = await enroll(t.url, 'idem-2');
    const snap = snapshot({ hostname: 'idem-2', counts: [count(TcpState.LISTEN, 22, null, 1)] });
    expect((await push(t.url, token, snap, true)).body.created).toBe(true);
    const plain = await push(t.url, token, snap);
    expect(plain.body).toEqual({ id: snap.id, created: false, current: true });
    const raw = JSON.stringify(snap);
    const deflated = await request(`${t.url}/v1/snapshots`, 'POST', {
      token,
      raw: deflateSync(raw),
      headers: { 'content-encoding': 'deflate' },
    });
    expect(deflated.body).toEqual({ id: snap.id, created: false, current: true });
    // Other bytes under the same id are another snapshot, even when they say the same in another way.
    const { version, ...rest } = snap;
    const reordered = await request(`${t.url}/v1/snapshots`, 'POST', {
      token,
      raw: JSON.stringify({ ...rest, version }),
    });
    expect(reordered.status).toBe(409);
  });

  it('keeps the newest snapshot current: an older one goes to history only', async () => {
    const token = await enroll(t.url, 'order-1');
    const now = Date.now();
    const newer = snapshot({
      hostname: 'order-1',
      collectedAt: new Date(now - 60_000),
      counts: [count(TcpState.CLOSE_WAIT, 443, 'java', 7)],
    });
    const older = snapshot({
      hostname: 'order-1',
      collectedAt: new Date(now - 120_000),
      counts: [count(TcpState.CLOSE_WAIT, 443, 'java', 2)],
    });
    expect((await push(t.url, token, newer)).body.current).toBe(true);
    expect((await push(t.url, token, older)).body).toEqual({ id: older.id, created: true, current: false });
    const host = await graphql(t.url, ADMIN_KEY, HOST_COUNTS, { h: 'order-1' });
    expect(host.body.data.host.lastSeenAt).toBe(newer.collectedAt);
    expect(host.body.data.host.counts).toEqual([
      { state: 'CLOSE_WAIT', port: 443, process: 'java', count: 7 },
    ]);
    const history = await graphql(
      t.url,
      ADMIN_KEY,
      `
        query ($h: String!, $from: DateTime!) {
          host(hostname: $h) {
            history(state: CLOSE_WAIT, port: 443, from: $from, stepSeconds: 3600) {
              count
              min
              samples
            }
          }
        }
      `,
      { h: 'order-1', from: new Date(now - 3_600_000).toISOString() },
    );
    const points = history.body.data.host.history;
    expect(points.reduce((n: number, p: { samples: number }) => n + p.samples, 0)).toBe(2);
    expect(Math.max(...points.map((p: { count: number }) => p.count))).toBe(7);
    expect(Math.min(...points.map((p: { min: number }) => p.min))).toBe(2);
  });

  it('accepts gzip bodies', async () => {
    const token = await enroll(t.url, 'gzip-1');
    const snap = snapshot({ hostname: 'gzip-1', counts: [count(TcpState.LISTEN, 80, 'nginx', 1)] });
    const answer = await push(t.url, token, snap, true);
    expect(answer.status).toBe(200);
    expect(answer.body.created).toBe(true);
  });

  it('answers 413 for a body over the limit, also when it arrives gzipped', async () => {
    const token = await enroll(t.url, 'big-1');
    const padding = 'x'.repeat(WIRE_LIMITS.maxBodyBytes + 10);
    const plain = await request(`${t.url}/v1/snapshots`, 'POST', { token, raw: `{"pad":"${padding}"}` });
    expect(plain.status).toBe(413);
    const bomb = await request(`${t.url}/v1/snapshots`, 'POST', {
      token,
      raw: gzipSync(`{"pad":"${padding}"}`),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(bomb.status).toBe(413);
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const token = await enroll(t.url, 'bad-1');
    const snap = snapshot({ hostname: 'bad-1', counts: [count(TcpState.LISTEN, 80, 'nginx', 1)] }) as any;
    snap.counts[0].port = 70000;
    snap.counts.push({ state: 'NOT_A_STATE', direction: 'INBOUND', port: 1, process: null, count: -1 });
    snap.host.labels = { 'bad key!': 'v' };
    delete snap.collector.truncated;
    snap.sockets = [socket(TcpState.ESTABLISHED, 22, 5000)];
    snap.sockets[0].localAddress = 'not-an-ip';
    snap.extra = true;
    const answer = await push(t.url, token, snap);
    expect(answer.status).toBe(400);
    const fields = new Set(answer.body.error.fields.map((f: { field: string }) => f.field));
    expect(fields).toEqual(
      new Set([
        'extra',
        'host.labels',
        'collector.truncated',
        'counts.0.port',
        'counts.1.state',
        'counts.1.count',
        'sockets.0.localAddress',
      ]),
    );
    const host = await graphql(t.url, ADMIN_KEY, HOST_COUNTS, { h: 'bad-1' });
    expect(host.body.data.host).toEqual({ lastSeenAt: null, count: 0, counts: [] });
  });

  it('refuses times far in the future or older than the history kept', async () => {
    const token = await enroll(t.url, 'time-1');
    const future = snapshot({
      hostname: 'time-1',
      counts: [],
      collectedAt: new Date(Date.now() + 86_400_000),
    });
    const past = snapshot({
      hostname: 'time-1',
      counts: [],
      collectedAt: new Date(Date.now() - 400 * 86_400_000),
    });
    for (const snap of [future, past]) {
      const answer = await push(t.url, token, snap);
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields[0].field).toBe('collectedAt');
    }
  });

  it("accepts only the token's own host, and no token once revoked", async () => {
    const token = await enroll(t.url, 'own-1');
    await enroll(t.url, 'own-2');
    const foreign = await push(t.url, token, snapshot({ hostname: 'own-2', counts: [] }));
    expect(foreign.status).toBe(403);
    expect((await push(t.url, 'tfh_not-a-token', snapshot({ hostname: 'own-1', counts: [] }))).status).toBe(
      401,
    );
    expect((await push(t.url, '', snapshot({ hostname: 'own-1', counts: [] }))).status).toBe(401);
    const revoke = await request(`${t.url}/v1/admin/hosts/own-1/revoke-tokens`, 'POST', { token: ADMIN_KEY });
    expect(revoke.body).toEqual({ hostname: 'own-1', revoked: 1 });
    expect((await push(t.url, token, snapshot({ hostname: 'own-1', counts: [] }))).status).toBe(401);
  });

  it('keeps several snapshots sent at once apart, each committed once', async () => {
    const token = await enroll(t.url, 'burst-1');
    const base = Date.now() - 100_000;
    const snaps = Array.from({ length: 20 }, (_, i) =>
      snapshot({
        hostname: 'burst-1',
        collectedAt: new Date(base + i * 1000),
        counts: [count(TcpState.TIME_WAIT, 5432, null, i + 1, 'OUTBOUND' as any)],
        id: uuidv7(base + i),
      }),
    );
    const answers = await Promise.all([...snaps, ...snaps].map((snap) => push(t.url, token, snap)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.created).length).toBe(20);
    const host = await graphql(t.url, ADMIN_KEY, HOST_COUNTS, { h: 'burst-1' });
    expect(host.body.data.host.counts).toEqual([
      { state: 'TIME_WAIT', port: 5432, process: null, count: 20 },
    ]);
  });
});

// The same answers whether worker threads or the main thread check the bodies (the default above uses
// at least one worker).
describe('ingestion with the main thread checking each body (TCPFLEET_INGEST_WORKERS=0)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ TCPFLEET_INGEST_WORKERS: '0' });
  });
  afterAll(() => t?.stop());

  it('stores, knows a retry, refuses bad fields, a bad body and a body over the limit', async () => {
    const token = await enroll(t.url, 'inline-1');
    const snap = snapshot({ hostname: 'inline-1', counts: [count(TcpState.LISTEN, 22, 'sshd', 1)] });
    expect((await push(t.url, token, snap, true)).body).toEqual({
      id: snap.id,
      created: true,
      current: true,
    });
    expect((await push(t.url, token, snap)).body).toEqual({ id: snap.id, created: false, current: true });
    const bad = await push(t.url, token, { ...snap, id: uuidv7(Date.now()), counts: [{ port: -1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toContain('counts.0.port');
    const broken = await request(`${t.url}/v1/snapshots`, 'POST', { token, raw: '{"version":1,' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/not valid JSON/);
    const bomb = gzipSync(Buffer.alloc(WIRE_LIMITS.maxBodyBytes + 1, 0x20));
    const large = await request(`${t.url}/v1/snapshots`, 'POST', {
      token,
      raw: bomb,
      headers: { 'content-encoding': 'gzip' },
    });
    expect(large.status).toBe(413);
    const host = await graphql(t.url, ADMIN_KEY, HOST_COUNTS, { h: 'inline-1' });
    expect(host.body.data.host.counts).toEqual([{ state: 'LISTEN', port: 22, process: 'sshd', count: 1 }]);
  });
});
