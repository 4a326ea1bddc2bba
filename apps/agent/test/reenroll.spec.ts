import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closedPort, LoopbackApi } from './support/loopback-api';
import { TEST_BACKOFF, testAgent } from './support/agent';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

/** Longer than the test agent's largest backoff, so the next tick may send again. */
const pastBackoff = () => new Promise((resolve) => setTimeout(resolve, 30));

const lines = (logs: string[]) => logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('a host token the API refuses (401)', () => {
  let api: LoopbackApi;
  beforeEach(() => {
    api = new LoopbackApi();
  });
  afterEach(() => api.stop());

  const enrolments = () => api.requests.filter((r) => r.path === '/v1/enroll').length;

  it('is replaced by enrolling again, and every spooled snapshot arrives exactly once', async () => {
    api.port = await closedPort();
    const { agent, spool, stateDir } = testAgent(api.url, { enrollSecret: LoopbackApi.SECRET });
    for (let i = 0; i < 3; i++) expect(await agent.tick()).toBe('spooled');
    const spooled = spool.names().map((name) => name.slice(13, 49));
    api.revoke(LoopbackApi.TOKEN);
    await api.start();
    await pastBackoff();
    expect(await agent.tick()).toBe('delivered');
    expect(await agent.tick()).toBe('delivered');
    const ids = api.stored.map((s) => s.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids.slice(0, 3)).toEqual(spooled);
    expect(spool.size).toBe(0);
    expect(enrolments()).toBe(1);
    // One try with the revoked token, then the new one for all five.
    expect(api.bearers).toEqual([LoopbackApi.TOKEN, ...Array<string>(5).fill(`${LoopbackApi.TOKEN}-2`)]);
    const token = join(stateDir, 'token.json');
    expect(JSON.parse(readFileSync(token, 'utf8'))).toMatchObject({
      token: `${LoopbackApi.TOKEN}-2`,
      server: api.url,
    });
    expect(statSync(token).mode & 0o777).toBe(0o600);
  });

  it('without an enrolment secret keeps snapshots spooled, says how to fix it, and takes up a token enrolled by hand', async () => {
    await api.start();
    api.revoke(LoopbackApi.TOKEN);
    const { agent, spool, logs, stateDir } = testAgent(api.url);
    expect(await agent.tick()).toBe('denied');
    expect(await agent.tick()).toBe('denied');
    expect(spool.size).toBe(2);
    expect(enrolments()).toBe(0);
    expect(lines(logs).find((l) => l.level === 'error')).toMatchObject({
      msg: 'host token refused; snapshots wait in the spool',
      status: 401,
      reason: 'status 401: unauthorized: unknown host token',
      fix: expect.stringMatching(/no enrolment secret is set: run `tcpfleet-agent enroll --force`/),
    });
    // The operator's fix, while the agent keeps running.
    const enrolling = spawn(process.execPath, [MAIN, 'enroll', '--force'], {
      env: {
        PATH: process.env.PATH,
        TCPFLEET_SERVER: api.url,
        TCPFLEET_ENROLL_SECRET: LoopbackApi.SECRET,
        TCPFLEET_STATE_DIR: stateDir,
        TCPFLEET_HOSTNAME: 'test-host',
      },
      stdio: 'ignore',
    });
    const [status] = (await once(enrolling, 'exit')) as [number | null];
    expect(status).toBe(0);
    expect(await agent.tick()).toBe('delivered');
    expect(api.stored).toHaveLength(3);
    expect(spool.size).toBe(0);
  });

  it('enrols again at most once per backoff period when enrolment fails', async () => {
    await api.start();
    api.revoke(LoopbackApi.TOKEN);
    let now = 1_000_000;
    const { agent, spool, logs } = testAgent(api.url, { enrollSecret: 'rotated-away', now: () => now });
    expect(await agent.tick()).toBe('denied');
    expect(await agent.tick()).toBe('denied');
    now += TEST_BACKOFF.maxMs - 1;
    expect(await agent.tick()).toBe('denied');
    expect(enrolments()).toBe(1);
    now += 1;
    expect(await agent.tick()).toBe('denied');
    expect(enrolments()).toBe(2);
    expect(spool.size).toBe(4);
    expect(lines(logs).find((l) => l.msg === 'enrolling again failed')).toMatchObject({
      reason: expect.stringMatching(
        /enrolment refused by .*status 401: unauthorized: wrong enrolment secret/,
      ),
    });
    expect(lines(logs).find((l) => l.status === 401)?.fix).toMatch(/secret is wrong or rotated/);
  });

  it('does not enrol again in a loop when the new token is refused too', async () => {
    await api.start();
    api.revoke(LoopbackApi.TOKEN);
    api.answer = (request) =>
      request.path === '/v1/snapshots' ? { status: 401, body: { message: 'token revoked' } } : undefined;
    const now = 1_000_000;
    const { agent, spool } = testAgent(api.url, { enrollSecret: LoopbackApi.SECRET, now: () => now });
    expect(await agent.tick()).toBe('denied');
    expect(await agent.tick()).toBe('denied');
    expect(enrolments()).toBe(1);
    // The old token, the new one; then one request for the next tick, with the new one.
    const renewed = `${LoopbackApi.TOKEN}-2`;
    expect(api.bearers).toEqual([LoopbackApi.TOKEN, renewed, renewed]);
    expect(spool.size).toBe(2);
  });

  it('does not enrol again for a 403, which a new token would not change', async () => {
    await api.start();
    api.answer = (request) =>
      request.path === '/v1/snapshots'
        ? { status: 403, body: { message: 'the token belongs to another host' } }
        : undefined;
    const { agent, spool } = testAgent(api.url, { enrollSecret: LoopbackApi.SECRET });
    expect(await agent.tick()).toBe('denied');
    expect(enrolments()).toBe(0);
    expect(spool.size).toBe(1);
  });
});
