import { TcpState } from '@tcpfleet/model';
import { request, type Answer } from './support/http';
import { parseExposition, valueOf } from './support/prometheus';
import { count, snapshot } from './support/snapshots';
import { ADMIN_KEY, ENROLL_SECRET, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

describe('rate limits on enrolment and ingestion', () => {
  let t: TestApi;
  const tokens: Record<string, string> = {};

  // Requests come through a "proxy" on loopback, which names the client in X-Forwarded-For.
  const enrolFrom = (address: string, hostname: string, secret = ENROLL_SECRET): Promise<Answer> =>
    request(`${t.url}/v1/enroll`, 'POST', {
      token: secret,
      body: { hostname },
      headers: { 'x-forwarded-for': address },
    });
  const pushFrom = (address: string, hostname: string): Promise<Answer> =>
    request(`${t.url}/v1/snapshots`, 'POST', {
      token: tokens[hostname],
      body: snapshot({ hostname, counts: [count(TcpState.ESTABLISHED, 22, 'sshd', 1)] }),
      headers: { 'x-forwarded-for': address },
    });
  const expectLimited = (answer: Answer, name: string, perMinute: number, burst: number): void => {
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(answer.body.error).toMatchObject({
      code: 'rate_limited',
      limit: { name, perMinute, burst },
      retryAfterSeconds: Number(answer.headers.get('retry-after')),
    });
    expect(answer.body.error.message).toContain(`rate limit ${name} reached`);
  };

  beforeAll(async () => {
    t = await startTestApi({
      TCPFLEET_TRUST_PROXY: 'loopback',
      TCPFLEET_LIMIT_INGEST_TOKEN_PER_MINUTE: '60',
      TCPFLEET_LIMIT_INGEST_TOKEN_BURST: '3',
      TCPFLEET_LIMIT_INGEST_ADDRESS_PER_MINUTE: '6',
      TCPFLEET_LIMIT_INGEST_ADDRESS_BURST: '5',
      TCPFLEET_LIMIT_ENROLL_ADDRESS_PER_MINUTE: '6',
      TCPFLEET_LIMIT_ENROLL_ADDRESS_BURST: '2',
      TCPFLEET_LIMIT_ENROLL_TOKEN_PER_MINUTE: '6',
      TCPFLEET_LIMIT_ENROLL_TOKEN_BURST: '10',
    });
    for (const [address, hostname] of [
      ['10.0.0.1', 'rl-a'],
      ['10.0.0.2', 'rl-b'],
    ]) {
      tokens[hostname] = (await enrolFrom(address, hostname)).body.token;
    }
  });
  afterAll(() => t?.stop());

  it('limits snapshots per host token, then per client address, and stores nothing refused', async () => {
    for (let i = 0; i < 3; i++) expect((await pushFrom('10.1.0.1', 'rl-a')).status).toBe(200);
    expectLimited(await pushFrom('10.1.0.1', 'rl-a'), 'ingest.token', 60, 3);
    // Another host's token has its own bucket; the address has one push left.
    expect((await pushFrom('10.1.0.1', 'rl-b')).status).toBe(200);
    expectLimited(await pushFrom('10.1.0.1', 'rl-b'), 'ingest.address', 6, 5);
    expect((await pushFrom('10.1.0.2', 'rl-b')).status).toBe(200);
    const host = await request(`${t.url}/graphql`, 'POST', {
      token: ADMIN_KEY,
      body: {
        query: `{ host(hostname: "rl-a") { history(state: ESTABLISHED, stepSeconds: 3600) { samples } } }`,
      },
    });
    const samples = host.body.data.host.history.reduce(
      (n: number, p: { samples: number }) => n + p.samples,
      0,
    );
    expect(samples).toBe(3);
  });

  it('lets a client that waited Retry-After through again', async () => {
    const refused = await pushFrom('10.1.0.3', 'rl-a');
    expectLimited(refused, 'ingest.token', 60, 3);
    await new Promise((resolve) =>
      setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000 + 100),
    );
    expect((await pushFrom('10.1.0.3', 'rl-a')).status).toBe(200);
  });

  it('limits enrolment per client address, an IPv6 /64 counting as one', async () => {
    expect((await enrolFrom('2001:db8:1:2::1', 'rl-v6-1')).status).toBe(201);
    expect((await enrolFrom('2001:db8:1:2:ffff::9', 'rl-v6-2')).status).toBe(201);
    expectLimited(await enrolFrom('2001:db8:1:2::3', 'rl-v6-3'), 'enroll.address', 6, 2);
    expect((await enrolFrom('2001:db8:1:3::1', 'rl-v6-3')).status).toBe(201);
  });

  it('limits enrolment per secret presented, so guessing is slow from any number of addresses', async () => {
    const wrong = 'not-the-enrolment-secret';
    for (let i = 0; i < 10; i++) expect((await enrolFrom(`10.2.0.${i}`, 'guess', wrong)).status).toBe(401);
    expectLimited(await enrolFrom('10.2.0.99', 'guess', wrong), 'enroll.token', 6, 10);
  });

  it('counts refusals by limit in the metrics', async () => {
    const scrape = parseExposition((await request(`${t.url}/metrics`, 'GET', { token: ADMIN_KEY })).body);
    expect(valueOf(scrape, 'tcpfleet_rate_limited_total', { limit: 'ingest.token' })).toBe(2);
    expect(valueOf(scrape, 'tcpfleet_rate_limited_total', { limit: 'ingest.address' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_rate_limited_total', { limit: 'enroll.address' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_rate_limited_total', { limit: 'enroll.token' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_snapshots_rejected_total', { reason: 'rate_limited' })).toBe(3);
  });
});
