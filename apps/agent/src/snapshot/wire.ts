import { SOCKET_LIST_RANKS, socketListRank, WIRE_LIMITS, type SocketList } from '@tcpfleet/model';
import type { SocketTable } from '../collect/socket_table';

/**
 * The socket list of a snapshot, as the model's capSocketList chooses it (the most telling states
 * first, in table order within a state), built from the table: only the chosen rows become objects,
 * and each rank keeps at most `max` candidates.
 */
export function socketList(sockets: SocketTable, max: number): SocketList {
  const limit = Math.min(max, WIRE_LIMITS.maxSockets);
  let chosen: number[];
  if (sockets.size <= limit) {
    chosen = Array.from({ length: sockets.size }, (_, i) => i);
  } else {
    const byRank: number[][] = Array.from({ length: SOCKET_LIST_RANKS }, () => []);
    for (let i = 0; i < sockets.size; i++) {
      const candidates = byRank[socketListRank(sockets.state(i))];
      if (candidates && candidates.length < limit) candidates.push(i);
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
