import {
  OS_NAMES,
  type Direction,
  type FindingCount,
  type FindingInput,
  type HistoryPoint,
  type OsName,
  type TcpState,
  type WireDestination,
  type WireListener,
} from '@tcpfleet/model';
import type { HostRow } from '../hosts/host-query';

/** A host as the findings read it: its row and the ephemeral range it reported. */
export interface FindingHost extends HostRow {
  ephemeralLow: number | null;
  ephemeralHigh: number | null;
}

/** A stored count, current or past, as SQL returns it. */
export interface StoredCount {
  state: string;
  direction: string;
  port: number;
  process: string | null;
  pid?: number | null;
  count: number;
}

/** Everything stored about one host that its findings rest on. */
export interface FindingRows {
  host: FindingHost;
  counts: StoredCount[];
  /** Count history of the trend states inside the trend window. */
  history: (StoredCount & { at: Date })[];
  /** When each snapshot inside the trend window was taken. */
  times: Date[];
  listeners: WireListener[] | null;
  destinations: WireDestination[] | null;
}

// A host that never reported has no range; an empty one gives the range rule nothing to judge.
const NO_RANGE = { low: 1, high: 0 };

const keyOf = (point: HistoryPoint): string =>
  JSON.stringify([point.state, point.direction, point.port, point.process]);

/**
 * History with the zeros count history does not store: a key missing from a snapshot taken after the
 * key's first point had no sockets then. Without them a series that fell to zero between two points
 * would look steadier than it was, and a key of one state would not see the other states' snapshots.
 */
export function withZeros(points: readonly HistoryPoint[], times: readonly Date[]): HistoryPoint[] {
  const keys = new Map<string, { point: HistoryPoint; first: number; seen: Set<number> }>();
  for (const point of points) {
    const at = point.at.getTime();
    const key = keys.get(keyOf(point)) ?? { point, first: at, seen: new Set<number>() };
    key.first = Math.min(key.first, at);
    key.seen.add(at);
    keys.set(keyOf(point), key);
  }
  const zeros: HistoryPoint[] = [];
  for (const { point, first, seen } of keys.values()) {
    for (const time of times) {
      const at = time.getTime();
      if (at > first && !seen.has(at)) zeros.push({ ...point, at: new Date(at), count: 0 });
    }
  }
  return [...points, ...zeros];
}

function count(row: StoredCount): FindingCount {
  return {
    state: row.state as TcpState,
    direction: row.direction as Direction,
    port: row.port,
    process: row.process,
    pid: row.pid ?? null,
    count: row.count,
  };
}

/** The rule engine's input for one host at `now`, from what is stored about it. */
export function findingInput(rows: FindingRows, now: Date, staleAfterSeconds: number): FindingInput {
  const { host } = rows;
  const os = OS_NAMES.find((name): name is OsName => name === host.os);
  const history = rows.history.map((row) => ({ ...count(row), at: row.at }));
  return {
    now,
    lastSeenAt: host.lastSeenAt,
    enrolledAt: host.enrolledAt,
    staleAfterSeconds,
    ephemeralRange:
      host.ephemeralLow === null || host.ephemeralHigh === null
        ? NO_RANGE
        : { low: host.ephemeralLow, high: host.ephemeralHigh },
    ...(os ? { os } : {}),
    counts: rows.counts.map(count),
    ...(rows.listeners ? { listeners: rows.listeners } : {}),
    ...(rows.destinations ? { destinations: rows.destinations } : {}),
    history: withZeros(history, rows.times),
  };
}
