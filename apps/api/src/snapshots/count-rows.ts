import type { SocketCount, WireSocket } from '@tcpfleet/model';

/** One stored count: the snapshot's key, plus a pid seen for the process in the socket list. */
export interface CountRow {
  state: string;
  direction: string;
  port: number;
  process: string | null;
  pid: number | null;
  count: number;
}

/** The pid holding most of each process name's sockets in the socket list. */
export function pidsByProcess(sockets: readonly WireSocket[]): Map<string, number> {
  const tallies = new Map<string, Map<number, number>>();
  for (const socket of sockets) {
    if (socket.process === undefined || socket.pid === undefined) continue;
    const tally = tallies.get(socket.process) ?? new Map<number, number>();
    tally.set(socket.pid, (tally.get(socket.pid) ?? 0) + 1);
    tallies.set(socket.process, tally);
  }
  const pids = new Map<string, number>();
  for (const [process, tally] of tallies) {
    let best: [number, number] = [0, -1];
    for (const [pid, seen] of tally) if (seen > best[1]) best = [pid, seen];
    pids.set(process, best[0]);
  }
  return pids;
}

/**
 * The rows to store for a snapshot's counts. Rows sharing a key are added up (a summariser that
 * repeats a key loses nothing), zero counts are dropped, and each process gets its pid when known.
 */
export function countRows(counts: readonly SocketCount[], sockets: readonly WireSocket[]): CountRow[] {
  const pids = pidsByProcess(sockets);
  const rows = new Map<string, CountRow>();
  for (const count of counts) {
    if (count.count === 0) continue;
    // State and direction are names without spaces, so a space keeps the parts apart; a named
    // process is written after "=", so no name reads as the null process.
    const key = `${count.state} ${count.direction} ${count.port} ${count.process === null ? '' : `=${count.process}`}`;
    const row = rows.get(key);
    if (row) row.count += count.count;
    else {
      const pid = count.process === null ? null : (pids.get(count.process) ?? null);
      const { state, direction, port, process } = count;
      rows.set(key, { state, direction, port, process, pid, count: count.count });
    }
  }
  return [...rows.values()];
}
