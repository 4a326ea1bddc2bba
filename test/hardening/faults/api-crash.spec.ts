import { AgentProcess } from '../support/agent-process';
import { ApiProcess } from '../support/api-process';
import { waitFor } from '../support/http';
import { duplicates, storedSnapshots, torn } from '../support/ledger';
import { PrivatePostgres } from '../support/private-postgres';
import { Pusher } from '../support/pusher';
import { describeWithPostgres } from '../support/requirements';
import { expectAgentsStored, expectPushedStored } from '../support/expectations';

jest.setTimeout(240_000);

const DB = 'crash';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithPostgres('the API is killed (SIGKILL) in the middle of a stream of pushes', () => {
  let pg: PrivatePostgres;
  let api: ApiProcess;
  let pusher: Pusher;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    await pg.query(`create database ${DB}`);
    api = await ApiProcess.start(pg.url(DB));
    pusher = new Pusher(api.url, 8, 13);
    await pusher.enrol();
    for (const name of ['crash-agent-1', 'crash-agent-2']) agents.push(new AgentProcess(name, api.url));
  });
  afterAll(async () => {
    await pusher?.abandon();
    await Promise.all(agents.map((agent) => agent.destroy()));
    await api?.destroy();
    await pg?.destroy();
  });

  it('leaves no partial snapshot, and the replay completes the set after a restart', async () => {
    pusher.start(0);
    agents.forEach((agent) => agent.start());
    expect(await waitFor(() => agents.every((agent) => agent.delivered.size >= 2), 60_000)).toBe(true);

    for (let kill = 0; kill < 3; kill++) {
      const before = pusher.accepted;
      expect(await waitFor(() => pusher.accepted >= before + 100, 30_000)).toBe(true);
      // Under this load transactions are always in flight: the kill lands in the middle of some.
      await api.stop('SIGKILL');
      const stored = await storedSnapshots(pg, DB);
      const partial = stored.filter((s) => {
        const sent = pusher.sent.get(s.id);
        return sent !== undefined && (sent.rows !== s.rows || sent.total !== s.total);
      });
      expect(partial).toEqual([]);
      expect(await torn(pg, DB)).toEqual([]);
      // Long enough for the agents to give up their retries and spool (about 4 to 7 s).
      await pause(kill === 0 ? 10_000 : 2_000);
      await api.start();
    }
    expect(api.exited).toBeNull();

    await waitFor(() => agents.every((agent) => agent.settled), 90_000);
    expect(agents.filter((agent) => !agent.settled).map((agent) => agent.summary())).toEqual([]);
    expect({ stopped: await pusher.stop(), exited: api.exited }).toEqual({ stopped: true, exited: null });
    await Promise.all(agents.map((agent) => agent.stop()));

    expect(pusher.unexpected).toEqual([]);
    expect(pusher.statuses.get('network')).toBeGreaterThan(0);
    const stored = await storedSnapshots(pg, DB);
    expect(duplicates(stored)).toEqual([]);
    expectPushedStored(pusher, stored);
    expectAgentsStored(agents, stored);
    expect(agents.map((agent) => agent.count('API unavailable; snapshot kept in the spool'))).not.toContain(
      0,
    );
    expect(await torn(pg, DB)).toEqual([]);
  });
});
