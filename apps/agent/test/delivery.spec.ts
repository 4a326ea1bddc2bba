import { uuidv7Time } from '../src/snapshot/uuidv7';
import { closedPort, LoopbackApi } from './support/loopback-api';
import { testAgent } from './support/agent';

/** Longer than the test agent's largest backoff, so the next tick may send again. */
const pastBackoff = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('delivery to a real HTTP server on loopback', () => {
  let api: LoopbackApi;

  beforeEach(() => {
    api = new LoopbackApi();
  });
  afterEach(() => api.stop());

  it('delivers every snapshot exactly once, in order, when the API is down and then up', async () => {
    api.port = await closedPort();
    const { agent, spool } = testAgent(api.url);
    const down = [await agent.tick(), await agent.tick(), await agent.tick()];
    expect(down).toEqual(['spooled', 'spooled', 'spooled']);
    const waiting = spool.names().map((name) => name.slice(13, 49));
    await api.start();
    await pastBackoff();
    expect(await agent.tick()).toBe('delivered');
    const ids = api.stored.map((s) => s.id);
    expect(ids.slice(0, 3)).toEqual(waiting);
    expect(ids).toHaveLength(4);
    expect(new Set(api.requests.map((r) => r.snapshot?.id)).size).toBe(api.requests.length);
    expect([...ids].sort((a, b) => uuidv7Time(a) - uuidv7Time(b) || (a < b ? -1 : 1))).toEqual(ids);
    expect(spool.size).toBe(0);
  });

  it('retries 503s with the same snapshot id and stores it once', async () => {
    await api.start();
    api.answer = (_, index) =>
      index < 2 ? { status: 503, body: { message: 'database unavailable' } } : undefined;
    const { agent } = testAgent(api.url);
    expect(await agent.tick()).toBe('delivered');
    expect(api.requests).toHaveLength(3);
    expect(new Set(api.requests.map((r) => r.snapshot?.id)).size).toBe(1);
    expect(api.stored).toHaveLength(1);
  });

  it('sends gzip JSON with the host token as bearer', async () => {
    await api.start();
    const { agent } = testAgent(api.url);
    await agent.tick();
    const [request] = api.requests;
    expect(request?.headers.authorization).toBe('Bearer host-token');
    expect(request?.headers['content-encoding']).toBe('gzip');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.snapshot?.version).toBe(1);
  });

  it('drops the oldest snapshots when the spool is full and reports the drops in the next one', async () => {
    api.port = await closedPort();
    const { agent, drops } = testAgent(api.url, { spoolMax: 2 });
    for (let i = 0; i < 4; i++) expect(await agent.tick()).toBe('spooled');
    await api.start();
    await pastBackoff();
    expect(await agent.tick()).toBe('delivered');
    // Five taken, two dropped by the bound: three arrive, and together they report the two.
    expect(api.stored).toHaveLength(3);
    const reported = api.stored.reduce((sum, s) => sum + s.collector.spoolDropped, 0);
    expect(reported).toBe(2);
    expect(api.stored.at(-1)?.collector.spoolDropped).toBeGreaterThan(0);
    expect(drops.value).toBe(0);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    await api.start();
    api.answer = (_, index) =>
      index === 0
        ? { status: 429, headers: { 'Retry-After': '1' }, body: { message: 'slow down' } }
        : undefined;
    const { agent } = testAgent(api.url);
    expect(await agent.tick()).toBe('delivered');
    const [first, second] = api.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(second?.snapshot?.id).toBe(first?.snapshot?.id);
  });

  it('does not retry a 400 and logs the server reason', async () => {
    await api.start();
    api.answer = () => ({ status: 400, body: { message: 'collector.durationMs must not be negative' } });
    const { agent, spool, logs } = testAgent(api.url);
    expect(await agent.tick()).toBe('rejected');
    expect(api.requests).toHaveLength(1);
    expect(spool.size).toBe(0);
    const line = logs.map((l) => JSON.parse(l)).find((l) => l.level === 'error');
    expect(line).toMatchObject({
      status: 400,
      reason: 'status 400: collector.durationMs must not be negative',
    });
  });

  it('keeps snapshots in the spool when the host token is refused', async () => {
    await api.start();
    api.answer = () => ({ status: 401, body: { message: 'token revoked' } });
    const { agent, spool } = testAgent(api.url);
    expect(await agent.tick()).toBe('denied');
    expect(api.requests).toHaveLength(1);
    expect(spool.size).toBe(1);
  });
});
