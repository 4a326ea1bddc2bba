import { Direction, type SocketCount } from '../summary/count';
import { WIRE_LIMITS } from './snapshot';

export interface FoldedCounts {
  counts: SocketCount[];
  /** How many rows were folded into the port-0 rows; 0 when the counts fitted. */
  folded: number;
}

/**
 * Keeps count rows within `max` (the wire's limit by default) without losing a socket: the largest
 * rows stay as they are and the rest fold, per state and direction, into one row with port 0 and no
 * process. Rows multiply only when connections have an ephemeral port on both ends and no listener
 * (a service on a high port that restarted), and a host must not go dark exactly then.
 */
export function foldCounts(
  counts: readonly SocketCount[],
  max: number = WIRE_LIMITS.maxCounts,
): FoldedCounts {
  if (counts.length <= max) return { counts: [...counts], folded: 0 };
  const directions = Object.values(Direction).length;
  const states = new Set(counts.map((row) => row.state)).size;
  const keep = Math.max(0, max - states * directions);
  const bySize = [...counts].sort((a, b) => b.count - a.count);
  const kept = bySize.slice(0, keep);
  const rest = new Map<string, SocketCount>();
  for (const row of bySize.slice(keep)) {
    const key = `${row.state} ${row.direction}`;
    const into = rest.get(key);
    if (into) into.count += row.count;
    else
      rest.set(key, { state: row.state, direction: row.direction, port: 0, process: null, count: row.count });
  }
  // A kept row may already hold (state, direction, 0, null): merge rather than send the key twice.
  for (const row of kept) {
    const into =
      row.port === 0 && row.process === null ? rest.get(`${row.state} ${row.direction}`) : undefined;
    if (into) {
      into.count += row.count;
      row.count = 0;
    }
  }
  return { counts: [...kept.filter((row) => row.count > 0), ...rest.values()], folded: counts.length - keep };
}
