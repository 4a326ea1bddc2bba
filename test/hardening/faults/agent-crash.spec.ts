import { AgentProcess } from '../support/agent-process';
import { ApiProcess } from '../support/api-process';
import { waitFor } from '../support/http';
import { duplicates, storedSnapshots, torn } from '../support/ledger';
import { PrivatePostgres } from '../support/private-postgres';
import { describeWithPostgres } from '../support/requirements';
import { expectAgentsStored } from '../support/expectations';

jest.setTimeout(240_000);

const DB = 'agentcrash';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithPostgres('an agent is killed (SIGKILL) and started again', () => {
  let pg: PrivatePostgres;
  let api: ApiProcess;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    await pg.query(`create database ${DB}`);
    api = await ApiProcess.start(pg.url(DB));
    for (const name of ['killed-agent-1', 'killed-agent-2']) agents.push(new AgentProcess(name, api.url));
  });
  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.destroy()));
    await api?.destroy();
    await pg?.destroy();
  });

  const restart = async (agent: AgentProcess): Promise<void> => {
    await agent.stop('SIGKILL');
    agent.start();
  };

  it('keeps its spool through the kill, and nothing is stored twice', async () => {
    agents.forEach((agent) => agent.start());
    expect(await waitFor(() => agents.every((agent) => agent.delivered.size >= 2), 60_000)).toBe(true);
    // Killed at an arbitrary point of its loop, a collection or a delivery perhaps.
    await pause(700);
    await Promise.all(agents.map(restart));

    await api.stop();
    expect(await waitFor(() => agents.every((agent) => agent.spooled().length >= 3), 60_000)).toBe(true);
    const spooled = agents.map((agent) => agent.spooled());
    await Promise.all(agents.map((agent) => agent.stop('SIGKILL')));
    // The kill loses no spooled snapshot: each file is still there for the next run.
    agents.forEach((agent, i) => expect(agent.spooled()).toEqual(expect.arrayContaining(spooled[i])));
    agents.forEach((agent) => agent.start());
    await pause(3000);

    await api.start();
    // Killed again as soon as the replay has begun: a snapshot sent but not yet removed from the
    // spool goes again, and the API must answer it as a retry.
    const replaying = agents.map((agent) => agent.delivered.size);
    await waitFor(() => agents.every((agent, i) => agent.delivered.size > replaying[i]), 60_000);
    await Promise.all(agents.map(restart));

    await waitFor(() => agents.every((agent) => agent.settled), 90_000);
    expect(agents.filter((agent) => !agent.settled).map((agent) => agent.summary())).toEqual([]);
    await Promise.all(agents.map((agent) => agent.stop()));

    const stored = await storedSnapshots(pg, DB);
    expect(duplicates(stored)).toEqual([]);
    // Three kills: each may lose the snapshot the agent held in memory at that moment.
    expectAgentsStored(agents, stored, 3);
    for (const [i, agent] of agents.entries()) {
      const ids = new Set(stored.filter((s) => s.hostname === agent.hostname).map((s) => s.id));
      expect(spooled[i].filter((id) => !ids.has(id))).toEqual([]);
    }
    expect(await torn(pg, DB)).toEqual([]);
  });
});
