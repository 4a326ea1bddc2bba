import { enroll, push, request } from './support/http';
import { snapshot } from './support/snapshots';
import { ADMIN_KEY, startReplica, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

const revoke = (base: string, hostname: string) =>
  request(`${base}/v1/admin/hosts/${hostname}/revoke-tokens`, 'POST', { token: ADMIN_KEY });

// Each push a snapshot of its own, a millisecond apart.
let clock = Date.now() - 60_000;
const pushOne = (base: string, token: string, hostname: string) =>
  push(base, token, snapshot({ hostname, counts: [], collectedAt: new Date((clock += 1)) }));

describe('host tokens kept in memory between pushes', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.stop());

  it('refuses a revoked token on the next push, however often it was accepted before', async () => {
    const token = await enroll(t.url, 'cached-1');
    for (let i = 0; i < 5; i++) expect((await pushOne(t.url, token, 'cached-1')).status).toBe(200);
    expect((await revoke(t.url, 'cached-1')).body).toEqual({ hostname: 'cached-1', revoked: 1 });
    expect((await pushOne(t.url, token, 'cached-1')).status).toBe(401);
    // A new enrolment gives a token that works at once.
    const again = await enroll(t.url, 'cached-1');
    expect((await pushOne(t.url, again, 'cached-1')).status).toBe(200);
  });

  // Replicas share a PostgreSQL database; PGlite serves one process.
  const onPostgres = process.env.TCPFLEET_TEST_PG_URL ? it : it.skip;

  onPostgres('refuses a token revoked through another replica within a second', async () => {
    const replica = await startReplica(t);
    try {
      const token = await enroll(t.url, 'cached-2');
      const other = await enroll(t.url, 'cached-3');
      for (const base of [t.url, replica.url]) {
        expect((await pushOne(base, token, 'cached-2')).status).toBe(200);
        expect((await pushOne(base, other, 'cached-3')).status).toBe(200);
      }
      const revoked = Date.now();
      expect((await revoke(replica.url, 'cached-2')).body).toEqual({ hostname: 'cached-2', revoked: 1 });
      let status = 200;
      while (status === 200 && Date.now() - revoked < 5_000) {
        status = (await pushOne(t.url, token, 'cached-2')).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect({ status, withinASecond: Date.now() - revoked < 1_500 }).toEqual({
        status: 401,
        withinASecond: true,
      });
      // The other host's token was forgotten with the rest, and is checked and kept again.
      expect((await pushOne(t.url, other, 'cached-3')).status).toBe(200);
      expect((await pushOne(replica.url, token, 'cached-2')).status).toBe(401);
    } finally {
      await replica.stop();
    }
  });
});
