import type { SnapshotV1 } from '@tcpfleet/model';
import type { CountRow } from './count-rows';
import type { StoredSnapshot } from './socket-list';
import type { IngestItem } from './ingest-plan';

/** A checked snapshot on its way into one batch's transaction. */
export interface IngestSnapshot extends IngestItem {
  /** The parts of the snapshot the writes read beside the rows and the stored socket list. */
  snapshot: Pick<SnapshotV1, 'host' | 'collector' | 'listeners' | 'destinations'>;
  rows: CountRow[];
  /** The socket list as host_sockets stores it (socket-list.ts). */
  socketList: StoredSnapshot;
}

/**
 * A text element of a PostgreSQL array literal: always quoted, so that any text (empty, `NULL`,
 * commas, braces, spaces) stays one element; inside the quotes only `"` and `\` are escaped
 * (PostgreSQL documentation, 8.15.6 Array Input and Output Syntax).
 */
export function arrayText(value: string | null): string {
  if (value === null) return 'NULL';
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The count rows of a batch as one PostgreSQL array literal per column, for unnest: each row of each
 * item, with whether the item becomes its host's current snapshot. Written here rather than by the
 * driver, which escapes every element of every array; uuids, times, states, directions and numbers
 * need no quoting, and only process names do.
 */
export function countColumns(items: readonly IngestSnapshot[], current: ReadonlySet<IngestSnapshot>) {
  const hostId: string[] = [];
  const collectedAt: string[] = [];
  const state: string[] = [];
  const direction: string[] = [];
  const port: number[] = [];
  const process: string[] = [];
  const pid: (number | string)[] = [];
  const count: number[] = [];
  const isCurrent: string[] = [];
  for (const item of items) {
    const at = item.collectedAt.toISOString();
    const now = current.has(item) ? 't' : 'f';
    for (const row of item.rows) {
      hostId.push(item.hostId);
      collectedAt.push(at);
      state.push(row.state);
      direction.push(row.direction);
      port.push(row.port);
      process.push(arrayText(row.process));
      pid.push(row.pid ?? 'NULL');
      count.push(row.count);
      isCurrent.push(now);
    }
  }
  const literal = (values: readonly (string | number)[]) => `{${values.join(',')}}`;
  return {
    hostId: literal(hostId),
    collectedAt: literal(collectedAt),
    state: literal(state),
    direction: literal(direction),
    port: literal(port),
    process: literal(process),
    pid: literal(pid),
    count: literal(count),
    current: literal(isCurrent),
  };
}
