import type { WireSocket } from '@tcpfleet/model';

export interface SocketQuery {
  states: string[] | null;
  port: number | null;
  process: string | null;
  limit: number;
}

/** A socket as `host { sockets }` serves it: every field present, null where the agent sent none. */
export interface SocketRow {
  family: string;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: string;
  recvQueue: number | null;
  sendQueue: number | null;
  pid: number | null;
  process: string | null;
  uid: number | null;
}

const rowOf = (socket: WireSocket): SocketRow => ({
  family: socket.family,
  localAddress: socket.localAddress,
  localPort: socket.localPort,
  remoteAddress: socket.remoteAddress,
  remotePort: socket.remotePort,
  state: socket.state,
  recvQueue: socket.recvQueue ?? null,
  sendQueue: socket.sendQueue ?? null,
  pid: socket.pid ?? null,
  process: socket.process ?? null,
  uid: socket.uid ?? null,
});

/**
 * The sockets of one host's list that match, in list order, up to the limit: a state among `states`,
 * `port` at either end, the `process` name exactly.
 */
export function filterSockets(list: readonly WireSocket[], query: SocketQuery): SocketRow[] {
  const states = query.states ? new Set(query.states) : null;
  const rows: SocketRow[] = [];
  for (const socket of list) {
    if (rows.length >= query.limit) break;
    if (states && !states.has(socket.state)) continue;
    if (query.port !== null && socket.localPort !== query.port && socket.remotePort !== query.port) continue;
    if (query.process !== null && socket.process !== query.process) continue;
    rows.push(rowOf(socket));
  }
  return rows;
}
