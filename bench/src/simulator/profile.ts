import type { TcpState } from '@tcpfleet/model';

/** Who is at the other end of a connection: see `peers.ts` for their addresses. */
export type Peer =
  | 'internet'
  | 'fleet'
  | 'monitor'
  | 'admin'
  | 'db'
  | 'cache'
  | 'upstream'
  | 'storage'
  | 'broker'
  | 'logs'
  | 'consul';

export interface ListenerSpec {
  port: number;
  process: string;
  /** The backlog the program asks listen() for; Linux shows min(backlog, somaxconn) as Send-Q. */
  backlog: number;
  /** Also listening on the IPv6 wildcard. */
  dual: boolean;
}

/** Mean socket counts per state of one kind of connection. */
export type StateMeans = Partial<Record<TcpState, number>>;

/**
 * A kind of connection: `in` is a peer connecting to our port, `out` our process connecting to a
 * peer's port, `loop` two of our processes over 127.0.0.1 (both ends are sockets of this host).
 */
export interface FlowSpec {
  kind: 'in' | 'out' | 'loop';
  port: number;
  process: string;
  /** The listening process of a `loop` flow. */
  server?: string;
  peer: Peer;
  states: StateMeans;
}

/** What a host of one role runs on one family of operating systems. */
export interface Profile {
  listeners: ListenerSpec[];
  flows: FlowSpec[];
}

export const listen = (port: number, process: string, backlog: number, dual = false): ListenerSpec => ({
  port,
  process,
  backlog,
  dual,
});

export const inbound = (port: number, process: string, peer: Peer, states: StateMeans): FlowSpec => ({
  kind: 'in',
  port,
  process,
  peer,
  states,
});

export const outbound = (port: number, process: string, peer: Peer, states: StateMeans): FlowSpec => ({
  kind: 'out',
  port,
  process,
  peer,
  states,
});

/** `client` connects to `server` on 127.0.0.1:`port`. */
export const loopback = (port: number, client: string, server: string, states: StateMeans): FlowSpec => ({
  kind: 'loop',
  port,
  process: client,
  server,
  peer: 'fleet',
  states,
});

export function profile(base: Profile, listeners: ListenerSpec[], flows: FlowSpec[]): Profile {
  return { listeners: [...base.listeners, ...listeners], flows: [...base.flows, ...flows] };
}
