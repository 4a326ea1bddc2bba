/** The GraphQL the dashboard sends, and the shapes it reads back (the API's schema, hosts and fleet). */

export interface Label {
  key: string;
  value: string;
}

export interface TopProcess {
  name: string | null;
  pid: number | null;
  count: number;
}

export interface HostSummary {
  hostname: string;
  os: string | null;
  lastSeenAt: string | null;
  stale: boolean;
  count: number;
  labels: Label[];
  topProcesses: TopProcess[];
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const HOSTS = `query Hosts($where: HostWhere, $orderBy: HostOrder, $first: Int!, $after: String) {
  hosts(where: $where, orderBy: $orderBy, first: $first, after: $after) {
    nodes { hostname os lastSeenAt stale count labels { key value } topProcesses(limit: 3) { name pid count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface HostsData {
  hosts: { nodes: HostSummary[]; pageInfo: PageInfo };
}

export interface StateTotal {
  state: string;
  count: number;
  hosts: number;
}

export const FLEET = `query Fleet {
  fleet { hosts staleHosts totals { state count hosts } }
  findings(first: 20, where: { severity: [CRITICAL, WARNING] }) {
    nodes { rule severity title host { hostname } }
    pageInfo { hasNextPage }
  }
}`;

export interface FleetFinding {
  rule: string;
  severity: string;
  title: string;
  host: { hostname: string };
}

export interface FleetData {
  fleet: { hosts: number; staleHosts: number; totals: StateTotal[] };
  findings: { nodes: FleetFinding[]; pageInfo: { hasNextPage: boolean } };
}

export interface SpellingInfo {
  vocabulary: string;
  title: string;
  names: string[];
  codes: number[];
}

export interface StateInfo {
  state: string;
  description: string;
  side: string;
  pileUp: string;
  spellings: SpellingInfo[];
}

export const STATES = `query States {
  states { state description side pileUp spellings { vocabulary title names codes } }
  vocabularies { id title source }
}`;

export interface StatesData {
  states: StateInfo[];
  vocabularies: { id: string; title: string; source: string }[];
}

export const RESOLVE_STATE = `query Resolve($name: String!) { resolveState(name: $name) }`;

// Enum values go into query text only after this check; everything else travels as variables.
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

function historyFields(states: readonly string[], fields: string): string {
  return states
    .map((state, i) => {
      if (!ENUM_VALUE.test(state)) throw new Error(`not a state: ${state}`);
      return `s${i}: history(state: ${state}, from: $from, to: $to, stepSeconds: $step) { ${fields} }`;
    })
    .join('\n');
}

/** Sockets per state across the whole fleet over a window, from the API's fleet history. */
export const FLEET_HISTORY = `query FleetHistory($from: DateTime!, $to: DateTime!, $step: Int!, $states: [TcpState!]!) {
  fleetHistory(from: $from, to: $to, stepSeconds: $step, states: $states) {
    reporting { at hosts }
    states { state points { at averageSockets } }
  }
}`;

export interface FleetHistoryData {
  fleetHistory: {
    reporting: { at: string; hosts: number }[];
    states: { state: string; points: { at: string; averageSockets: number }[] }[];
  };
}

/** Per-state history of one host, one alias per state. */
export function hostHistoryQuery(states: readonly string[]): string {
  return `query HostHistory($hostname: String!, $from: DateTime!, $to: DateTime!, $step: Int!) {
  host(hostname: $hostname) { ${historyFields(states, 'at average count')} }
}`;
}

export type HistoryNode = Record<string, { at: string; average: number; count?: number }[]>;

export interface SocketCount {
  state: string;
  direction: string;
  port: number;
  process: string | null;
  count: number;
}

export interface Finding {
  rule: string;
  severity: string;
  title: string;
  explanation: string;
  nextStep: string;
}

export interface Listener {
  address: string;
  port: number;
  process: string | null;
  pid: number | null;
  acceptQueue: number;
  backlog: number | null;
}

export interface HostDetail {
  hostname: string;
  os: string | null;
  osVersion: string | null;
  agentVersion: string | null;
  lastSeenAt: string | null;
  stale: boolean;
  socketCount: number;
  labels: Label[];
  counts: SocketCount[];
  topProcesses: TopProcess[];
  findings: Finding[];
  listeners: Listener[] | null;
}

export const HOST = `query Host($hostname: String!) {
  host(hostname: $hostname) {
    hostname os osVersion agentVersion lastSeenAt stale socketCount labels { key value }
    counts { state direction port process count }
    topProcesses(limit: 10) { name pid count }
    findings { rule severity title explanation nextStep }
    listeners { address port process pid acceptQueue backlog }
  }
}`;

export interface HostData {
  host: HostDetail;
}

export interface Socket {
  family: string;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: string;
  pid: number | null;
  process: string | null;
  recvQueue: number | null;
  sendQueue: number | null;
}

export const SOCKETS = `query Sockets($hostname: String!, $where: SocketFilter, $first: Int!) {
  host(hostname: $hostname) {
    sockets(where: $where, first: $first) {
      collectedAt truncated
      nodes { family localAddress localPort remoteAddress remotePort state pid process recvQueue sendQueue }
    }
  }
}`;

export interface SocketsData {
  host: { sockets: { collectedAt: string | null; truncated: boolean; nodes: Socket[] } };
}
