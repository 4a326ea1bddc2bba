import { request } from './support/http';
import { runCli, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

// The embedded store's single-owner rule; against PostgreSQL many processes share the server.
const embedded = process.env.TCPFLEET_TEST_PG_URL ? describe.skip : describe;

embedded('the embedded store while an API holds it', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ TCPFLEET_ADMIN_KEY: '' });
  });
  afterAll(() => t?.stop());

  const cli = (args: string[]) => runCli(args, { ...t.env, PORT: '0' });

  it('refuses a second process clearly and leaves the store working', async () => {
    const second = await cli(['migrate']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by process \d+ \(tcpfleet-api serve\)/);
    expect((await request(`${t.url}/readyz`, 'GET')).status).toBe(200);
  });

  it('creates, lists and revokes keys through the running API', async () => {
    const created = await cli(['key', 'create', '--name', 'ops', '--role', 'admin', '--json']);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({ name: 'ops', role: 'admin', key: expect.stringMatching(/^tfk_/) });
    expect((await request(`${t.url}/v1/admin/keys`, 'GET', { token: key.key })).status).toBe(200);
    const listed = await cli(['key', 'list', '--json']);
    expect(JSON.parse(listed.stdout).map((k: { id: string }) => k.id)).toEqual([key.id]);
    expect((await cli(['key', 'revoke', key.id])).code).toBe(0);
    expect((await request(`${t.url}/v1/admin/keys`, 'GET', { token: key.key })).status).toBe(401);
    const unknownHost = await cli(['host-token', 'revoke', 'no-such-host']);
    expect(unknownHost.code).toBe(1);
    expect(unknownHost.stderr).toMatch(/404/);
  });

  it('stops with a message naming a bad variable', async () => {
    const bad = await runCli(['migrate'], { ...t.env, TCPFLEET_RETENTION_DAYS: 'soon' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/TCPFLEET_RETENTION_DAYS/);
  });
});
