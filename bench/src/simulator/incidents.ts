import { TcpState } from '@tcpfleet/model';
import type { SimHost } from './fleet';
import type { Connection, HostSockets } from './host-sockets';
import { clientPort, peerEndpoint, primaryAddress } from './peers';
import type { Profile } from './profile';
import { Random } from './random';
import type { Role } from './roles';

export type IncidentName = 'close-wait-leak' | 'syn-flood' | 'time-wait-pile';

export const INCIDENTS: readonly IncidentName[] = ['close-wait-leak', 'syn-flood', 'time-wait-pile'];

/** Which role each incident strikes and on what share of that role's hosts (at least one host). */
export const INCIDENT_RULES: Readonly<Record<IncidentName, { role: Role; share: number }>> = {
  'close-wait-leak': { role: 'web', share: 0.05 },
  'syn-flood': { role: 'web', share: 0.02 },
  'time-wait-pile': { role: 'batch', share: 0.05 },
};

/** `all`, `none` or a comma-separated list of incident names. */
export function parseIncidents(text: string): IncidentName[] {
  if (text === 'all') return [...INCIDENTS];
  if (text === 'none' || text === '') return [];
  return text.split(',').map((name) => {
    const trimmed = name.trim();
    if (!(INCIDENTS as readonly string[]).includes(trimmed)) {
      throw new Error(`unknown incident "${trimmed}"; expected all, none or any of ${INCIDENTS.join(', ')}`);
    }
    return trimmed as IncidentName;
  });
}

/** Gives each enabled incident its hosts, chosen by seed; a host gets at most one incident. */
export function assignIncidents(
  hosts: readonly SimHost[],
  names: readonly IncidentName[],
  seed: number,
): void {
  const taken = new Set<number>();
  for (const name of names) {
    const rule = INCIDENT_RULES[name];
    const random = Random.of(seed, 'incident', name);
    const eligible = hosts.filter((host) => host.role === rule.role && !taken.has(host.index));
    const wanted = Math.min(eligible.length, Math.max(1, Math.round(rule.share * eligible.length)));
    for (let i = 0; i < wanted; i++) {
      const at = i + Math.floor(random.next() * (eligible.length - i));
      [eligible[i], eligible[at]] = [eligible[at], eligible[i]];
      eligible[i].incidents.push(name);
      taken.add(eligible[i].index);
    }
  }
}

// Bounds that keep one snapshot far inside the wire limits and the host's ephemeral range.
const LEAK_MAX = 4000;
const PILE_SHARE_MAX = 0.8;

/** How many sockets an incident adds to a host in a round: the script the tests hold it to. */
export function incidentSize(host: SimHost, name: IncidentName, round: number, seed: number): number {
  switch (name) {
    case 'close-wait-leak': {
      // Past the headline query's 100 from the first round, then growing every round.
      const random = Random.of(seed, 'leak', host.index);
      return Math.min(LEAK_MAX, random.int(110, 160) + random.int(15, 35) * round);
    }
    case 'syn-flood':
      return Random.of(seed, 'flood', host.index, round).int(400, 1500);
    case 'time-wait-pile': {
      const { low, high } = host.ephemeralRange;
      return Math.min(Math.floor((high - low + 1) * PILE_SHARE_MAX), 2000 + 1500 * round);
    }
  }
}

/** The process that talks to `peer` in this profile: who leaks, and which port a pile goes to. */
export function flowTo(profile: Profile, peer: 'upstream' | 'db'): { process: string; port: number } {
  const flow = profile.flows.find((candidate) => candidate.kind === 'out' && candidate.peer === peer);
  if (!flow) throw new Error(`no outbound flow to ${peer} in this profile`);
  return { process: flow.process, port: flow.port };
}

/** Adds the incident's sockets to the host's. */
export function addIncident(
  out: HostSockets,
  profile: Profile,
  name: IncidentName,
  round: number,
  seed: number,
): void {
  const { host } = out;
  const size = incidentSize(host, name, round, seed);
  const random = Random.of(seed, 'incident-sockets', name, host.index, round);
  for (let i = 0; i < size; i++) out.add(incidentConnection(out, profile, name, random));
}

function incidentConnection(
  out: HostSockets,
  profile: Profile,
  name: IncidentName,
  random: Random,
): Connection {
  const { host } = out;
  switch (name) {
    case 'close-wait-leak': {
      // The upstream closed; our process never called close() on its side.
      const { process } = flowTo(profile, 'upstream');
      const remote = peerEndpoint('upstream', host.regionIndex, random);
      const local = out.localEndpoint(remote);
      return {
        state: TcpState.CLOSE_WAIT,
        process,
        local,
        localPort: out.ephemeralPort(),
        remote,
        remotePort: 443,
      };
    }
    case 'syn-flood': {
      const remote = peerEndpoint('internet', host.regionIndex, random);
      const local = out.localEndpoint(remote);
      const remotePort = clientPort('internet', random);
      return { state: TcpState.SYN_RECEIVED, local, localPort: 443, remote, remotePort };
    }
    case 'time-wait-pile': {
      // A job opening a connection per query and closing it first, all towards one database address.
      const { port } = flowTo(profile, 'db');
      const remote = { family: 'ipv4' as const, address: primaryAddress('db', host.regionIndex) };
      const local = out.localEndpoint(remote);
      return { state: TcpState.TIME_WAIT, local, localPort: out.ephemeralPort(), remote, remotePort: port };
    }
  }
}
