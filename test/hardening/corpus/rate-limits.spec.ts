import { ADMIN_KEY, ApiProcess, ENROLL_SECRET } from '../support/api-process';
import { enroll, request, type Answer } from '../support/http';
import { graphqlDigest } from './store-digest';
import { validSnapshot } from './valid-snapshot';

jest.setTimeout(60_000);

/**
 * Rate limits (429 with Retry-After), on an API whose limits are set low enough to reach in a test:
 * two snapshots per host token, three enrolments per address, then one a minute.
 */
describe('requests over the rate limits', () => {
  let api: ApiProcess;
  let own: string;
  let other: string;

  beforeAll(async () => {
    api = await ApiProcess.start('', {
      TCPFLEET_LIMIT_INGEST_TOKEN_PER_MINUTE: '1',
      TCPFLEET_LIMIT_INGEST_TOKEN_BURST: '2',
      TCPFLEET_LIMIT_ENROLL_ADDRESS_PER_MINUTE: '1',
      TCPFLEET_LIMIT_ENROLL_ADDRESS_BURST: '3',
    });
    own = await enroll(api.url, 'limited-1');
    other = await enroll(api.url, 'limited-2');
  });
  afterAll(() => api?.destroy());

  const push = (token: string, hostname: string) =>
    request(`${api.url}/v1/snapshots`, 'POST', { token, body: validSnapshot(hostname) });

  /** A 429 that says which limit, when to come back, and that changed nothing. */
  const expectRefused = (answer: Answer, limit: RegExp): void => {
    expect({
      status: answer.status,
      retryAfter: /^[1-9]\d*$/.test(answer.headers.get('retry-after') ?? ''),
      code: answer.body?.error?.code,
      names: limit.test(answer.text),
    }).toEqual({ status: 429, retryAfter: true, code: 'rate_limited', names: true });
  };

  it('refuses a third snapshot of one token with 429 and Retry-After, storing nothing', async () => {
    expect((await push(own, 'limited-1')).status).toBe(200);
    expect((await push(own, 'limited-1')).status).toBe(200);
    const before = await graphqlDigest(api.url);
    expectRefused(await push(own, 'limited-1'), /token/);
    expect(await graphqlDigest(api.url)).toBe(before);
  });

  it('limits each token apart: another host on the same address still gets through', async () => {
    expect((await push(other, 'limited-2')).status).toBe(200);
  });

  it('refuses enrolments past the limit of one address with 429, enrolling nothing', async () => {
    // Two enrolments went in beforeAll; the burst allows one more.
    const third = await request(`${api.url}/v1/enroll`, 'POST', {
      token: ENROLL_SECRET,
      body: { hostname: 'limited-3' },
    });
    expect(third.status).toBe(201);
    const before = await graphqlDigest(api.url);
    const fourth = await request(`${api.url}/v1/enroll`, 'POST', {
      token: ENROLL_SECRET,
      body: { hostname: 'limited-4' },
    });
    expectRefused(fourth, /address/);
    expect(await graphqlDigest(api.url)).toBe(before);
    const hosts = await request(`${api.url}/graphql`, 'POST', {
      token: ADMIN_KEY,
      body: { query: '{ host(hostname: "limited-4") { hostname } }' },
    });
    expect(hosts.text).not.toMatch(/"hostname":"limited-4"/);
  });

  it('limits guessing too: wrong enrolment secrets count against the address', async () => {
    const guess = await request(`${api.url}/v1/enroll`, 'POST', {
      token: 'guess-guess-guess-guess',
      body: { hostname: 'limited-5' },
    });
    expectRefused(guess, /address/);
  });
});
