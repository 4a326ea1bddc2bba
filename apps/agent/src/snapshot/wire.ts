import { TcpState, WIRE_LIMITS, type WireSocket } from '@tcpfleet/model';
import type { SocketTable } from '../collect/socket_table';

/**
 * Which sockets a capped list keeps first: listeners and the states an operator asks about
 * (DESIGN.md, "Who uses it"), then ordinary traffic, TIME_WAIT last as the most numerous and
 * least telling. Counts are always complete; only the list is cut.
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
const rank = (state: TcpState): number => RANK.get(state) ?? KEEP_FIRST.length;

export interface SocketList {
  sockets: WireSocket[];
  truncated: boolean;
}

/**
 * The socket list of a snapshot: at most `max` sockets, the most telling first, in table order
 * within a state. Only the chosen rows become objects; each rank keeps at most `max` candidates.
 */
export function socketList(sockets: SocketTable, max: number): SocketList {
  const limit = Math.min(max, WIRE_LIMITS.maxSockets);
  let chosen: number[];
  if (sockets.size <= limit) {
    chosen = Array.from({ length: sockets.size }, (_, i) => i);
  } else {
    const byRank: number[][] = Array.from({ length: KEEP_FIRST.length + 1 }, () => []);
    for (let i = 0; i < sockets.size; i++) {
      const candidates = byRank[rank(sockets.state(i))];
      if (candidates.length < limit) candidates.push(i);
    }
    chosen = byRank.flat().slice(0, limit);
  }
  return { sockets: chosen.map((i) => sockets.wire(i)), truncated: sockets.size > limit };
}

/** A process name within the wire limits: printable, not too long. */
export function processName(name: string): string {
  return printable(name).slice(0, WIRE_LIMITS.maxProcessNameLength);
}

/** Text without control characters, which the API refuses in names and warnings. */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, '?');
}

/** Warnings within the wire limits: the first ones kept, each cut to length, the rest counted. */
export function wireWarnings(warnings: readonly string[]): string[] {
  const cut = (text: string) => printable(text).slice(0, WIRE_LIMITS.maxWarningLength);
  if (warnings.length <= WIRE_LIMITS.maxWarnings) return warnings.map(cut);
  const kept = warnings.slice(0, WIRE_LIMITS.maxWarnings - 1).map(cut);
  return [...kept, `${warnings.length - kept.length} more warnings not shown`];
}
