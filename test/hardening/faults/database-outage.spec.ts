import { AgentProcess } from '../support/agent-process';
import { ApiProcess } from '../support/api-process';
import { request, waitFor } from '../support/http';
import { duplicates, storedSnapshots, torn } from '../support/ledger';
import { PrivatePostgres } from '../support/private-postgres';
import { Pusher } from '../support/pusher';
import { describeWithPostgres } from '../support/requirements';
import { expectAgentsStored, expectPushedStored } from '../support/expectations';

jest.setTimeout(240_000);

const DB = 'outage';

describeWithPostgres('the database stops during a stream of pushes', () => {
  let pg: PrivatePostgres;
  let api: ApiProcess;
  let pusher: Pusher;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    await pg.query(`create database ${DB}`);
    api = await ApiProcess.start(pg.url(DB));
    pusher = new Pusher(api.url, 4, 7);
    await pusher.enrol();
    for (const name of ['outage-agent-1', 'outage-agent-2', 'outage-agent-3'])
      agents.push(new AgentProcess(name, api.url));
  });
  afterAll(async () => {
    await pusher?.abandon();
    await Promise.all(agents.map((agent) => agent.destroy()));
    await api?.destroy();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After, agents spool, and every snapshot is stored exactly once', async () => {
    pusher.start();
    agents.forEach((agent) => agent.start());
    const flowing = await waitFor(
      () => pusher.accepted >= 20 && agents.every((agent) => agent.delivered.size >= 2),
      60_000,
    );
    expect(flowing).toBe(true);

    await pg.stop('fast');
    const ready = await request(`${api.url}/readyz`, 'GET');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ready.body.error.code).toBe('database_unavailable');
    // The agents retry for about 15 s (four tries, Retry-After 5 s) before they spool.
    const spooling = await waitFor(() => agents.every((agent) => agent.spooled().length >= 2), 90_000);
    expect(spooling).toBe(true);
    expect(pusher.statuses.get('503')).toBeGreaterThan(0);

    await pg.start();
    expect(
      await waitFor(async () => (await request(`${api.url}/readyz`, 'GET')).status === 200, 30_000),
    ).toBe(true);
    await waitFor(() => agents.every((agent) => agent.settled), 90_000);
    expect(agents.filter((agent) => !agent.settled).map((agent) => agent.summary())).toEqual([]);
    expect({ stopped: await pusher.stop(), exited: api.exited }).toEqual({ stopped: true, exited: null });
    await Promise.all(agents.map((agent) => agent.stop()));

    expect(pusher.statuses.get('503 without Retry-After')).toBeUndefined();
    expect(pusher.unexpected).toEqual([]);
    const stored = await storedSnapshots(pg, DB);
    expect(duplicates(stored)).toEqual([]);
    expectPushedStored(pusher, stored);
    expectAgentsStored(agents, stored);
    for (const agent of agents)
      expect(agent.count('API unavailable; snapshot kept in the spool')).toBeGreaterThan(0);
    expect(await torn(pg, DB)).toEqual([]);
  });
});
