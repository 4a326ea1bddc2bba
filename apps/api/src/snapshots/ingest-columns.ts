import type { SnapshotV1 } from '@tcpfleet/model';
import type { CountRow } from './count-rows';
import type { IngestItem } from './ingest-plan';

/** A checked snapshot on its way into one batch's transaction. */
export interface IngestSnapshot extends IngestItem {
  /** The parts of the snapshot the writes read beside the rows and the stored socket list. */
  snapshot: Pick<SnapshotV1, 'host' | 'collector' | 'listeners' | 'destinations'>;
  rows: CountRow[];
  /** The socket list as host_sockets stores it (socket-list.ts). */
  socketList: Buffer;
}

/** Column arrays for unnest: one array per column, one element per count row. */
export function countColumns(items: readonly IngestSnapshot[]) {
  const columns = {
    hostId: [] as string[],
    collectedAt: [] as string[],
    state: [] as string[],
    direction: [] as string[],
    port: [] as number[],
    process: [] as (string | null)[],
    pid: [] as (number | null)[],
    count: [] as number[],
  };
  for (const item of items) {
    const at = item.collectedAt.toISOString();
    for (const row of item.rows) {
      columns.hostId.push(item.hostId);
      columns.collectedAt.push(at);
      columns.state.push(row.state);
      columns.direction.push(row.direction);
      columns.port.push(row.port);
      columns.process.push(row.process);
      columns.pid.push(row.pid);
      columns.count.push(row.count);
    }
  }
  return columns;
}
