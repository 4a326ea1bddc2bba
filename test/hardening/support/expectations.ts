import type { AgentProcess } from './agent-process';
import type { Stored } from './ledger';
import type { Pusher } from './pusher';

/** Every snapshot the pusher sent is in the ledger once, with all its count rows, and nothing else of its hosts. */
export function expectPushedStored(pusher: Pusher, stored: Stored[]): void {
  const hosts = new Set([...pusher.sent.values()].map((sent) => sent.hostname));
  const theirs = stored.filter((s) => hosts.has(s.hostname));
  expect(theirs.map((s) => s.id).sort()).toEqual([...pusher.sent.keys()].sort());
  for (const s of theirs) {
    const sent = pusher.sent.get(s.id);
    expect({ id: s.id, rows: s.rows, total: s.total }).toEqual({
      id: s.id,
      rows: sent?.rows,
      total: sent?.total,
    });
  }
}

/**
 * Every snapshot an agent took is in the ledger once, except those still waiting in its spool when it
 * stopped, and each stored one has count rows adding up to the sockets the agent counted. An agent
 * killed with SIGKILL may lose the one snapshot it held in memory and had not spooled yet: `lost`
 * says how many of those each agent may have (one per kill).
 */
export function expectAgentsStored(agents: AgentProcess[], stored: Stored[], lost = 0): void {
  for (const agent of agents) {
    const waiting = new Set(agent.spooled());
    const theirs = stored.filter((s) => s.hostname === agent.hostname);
    const ids = new Set(theirs.map((s) => s.id));
    const missing = [...agent.taken.keys()].filter((id) => !ids.has(id) && !waiting.has(id));
    expect({
      host: agent.hostname,
      strangers: theirs.filter((s) => !agent.taken.has(s.id)).map((s) => s.id),
      tooManyMissing: missing.length > lost ? missing : [],
    }).toEqual({ host: agent.hostname, strangers: [], tooManyMissing: [] });
    for (const s of theirs)
      expect({ id: s.id, total: s.total }).toEqual({ id: s.id, total: agent.taken.get(s.id) });
  }
}
