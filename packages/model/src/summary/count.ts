import type { TcpState } from '../states/tcp-state';

/**
 * Which way a connection goes, seen from the host: INBOUND when a peer connected to a service of
 * this host, OUTBOUND when this host connected to a peer's service. See `directionOf`.
 */
export enum Direction {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

/** The ephemeral (dynamic) port range a host picks client ports from, both ends included. */
export interface PortRange {
  low: number;
  high: number;
}

/** One row of a snapshot's counts: how many sockets share a (state, direction, port, process) key. */
export interface SocketCount {
  state: TcpState;
  direction: Direction;
  /** The service port: the local port for INBOUND, the remote port for OUTBOUND. */
  port: number;
  /** The owning process's name, or null when the collector could not attribute the sockets. */
  process: string | null;
  count: number;
}
