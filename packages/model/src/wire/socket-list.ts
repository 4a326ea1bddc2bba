import type { Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import { WIRE_LIMITS, type WireSocket } from './snapshot';

/**
 * Which sockets a capped socket list keeps first: listeners and the states an operator asks about
 * (DESIGN.md, "Who uses it"), then ordinary traffic, TIME_WAIT last as the most numerous and least
 * telling. Counts are always complete; only the list is cut.
 */
const KEEP_FIRST: readonly TcpState[] = [
  TcpState.LISTEN,
  TcpState.CLOSE_WAIT,
  TcpState.SYN_RECEIVED,
  TcpState.SYN_SENT,
  TcpState.FIN_WAIT_2,
  TcpState.FIN_WAIT_1,
  TcpState.LAST_ACK,
  TcpState.CLOSING,
  TcpState.UNKNOWN,
  TcpState.ESTABLISHED,
];

const RANK = new Map<TcpState, number>(KEEP_FIRST.map((state, at) => [state, at]));

/** How early a capped list keeps a socket in this state: 0 first; the least telling rank last. */
export function socketListRank(state: TcpState): number {
  return RANK.get(state) ?? KEEP_FIRST.length;
}

/** The number of ranks `socketListRank` gives. */
export const SOCKET_LIST_RANKS = KEEP_FIRST.length + 1;

export interface SocketList {
  sockets: WireSocket[];
  truncated: boolean;
}

/**
 * The socket list of a snapshot: at most `max` sockets (and never more than the wire allows), the
 * most telling first, in their given order within a rank.
 */
export function capSocketList(sockets: readonly Socket[], max: number): SocketList {
  const limit = Math.min(max, WIRE_LIMITS.maxSockets);
  if (sockets.length <= limit) return { sockets: sockets.map(toWireSocket), truncated: false };
  const byRank: Socket[][] = Array.from({ length: SOCKET_LIST_RANKS }, () => []);
  for (const socket of sockets) {
    const candidates = byRank[socketListRank(socket.state)];
    if (candidates && candidates.length < limit) candidates.push(socket);
  }
  return { sockets: byRank.flat().slice(0, limit).map(toWireSocket), truncated: true };
}

/** A socket as the wire carries it: without the raw state and the inode, which stay on the host. */
export function toWireSocket(socket: Socket): WireSocket {
  const { rawState: _rawState, inode: _inode, ...wire } = socket;
  return wire;
}
