import type { SocketCount, WireSocket } from '@tcpfleet/model';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SimHost } from '../simulator/fleet';
import { buildSnapshot } from '../simulator/snapshot';

/** One count row as the API stores it: the snapshot's key plus the pid of the process, when known. */
export interface StoredRow {
  state: string;
  direction: string;
  port: number;
  process: string | null;
  pid: number | null;
  count: number;
}

/** A snapshot ready to push: its bytes on the wire and the rows the API will store for it. */
export interface WorkItem {
  host: SimHost;
  snapshotId: string;
  collectedAt: Date;
  body: Buffer;
  /** sha256 of the JSON, standing in for the API's digest in the reference COPY of the ledger. */
  digest: string;
  rows: StoredRow[];
  sockets: number;
}

/**
 * The rows the API stores for a snapshot (apps/api/src/snapshots/count-rows.ts): each count with the
 * pid holding most of that process name's sockets in the socket list. The bench checks the database
 * against these after the API run, so the reference COPY writes what the API wrote.
 */
export function storedRows(counts: readonly SocketCount[], sockets: readonly WireSocket[]): StoredRow[] {
  const tallies = new Map<string, Map<number, number>>();
  for (const socket of sockets) {
    if (socket.process === undefined || socket.pid === undefined) continue;
    const tally = tallies.get(socket.process) ?? new Map<number, number>();
    tally.set(socket.pid, (tally.get(socket.pid) ?? 0) + 1);
    tallies.set(socket.process, tally);
  }
  const pidOf = (process: string | null): number | null => {
    const tally = process === null ? undefined : tallies.get(process);
    if (!tally) return null;
    let best: [number, number] = [0, -1];
    for (const [pid, seen] of tally) if (seen > best[1]) best = [pid, seen];
    return best[0];
  };
  return counts.map((count) => ({ ...count, pid: pidOf(count.process) }));
}

/** Every host's snapshot of one round, collected at `at` plus a few milliseconds per host. */
export function buildRound(hosts: readonly SimHost[], round: number, at: Date, seed: number): WorkItem[] {
  return hosts.map((host) => {
    const collectedAt = new Date(at.getTime() + host.index);
    const { snapshot } = buildSnapshot(host, round, collectedAt, seed);
    const json = JSON.stringify(snapshot);
    return {
      host,
      snapshotId: snapshot.id,
      collectedAt,
      body: gzipSync(json),
      digest: createHash('sha256').update(json).digest('hex'),
      rows: storedRows(snapshot.counts, snapshot.sockets),
      sockets: snapshot.sockets.length,
    };
  });
}
