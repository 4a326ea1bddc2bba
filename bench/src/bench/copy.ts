import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { WorkItem } from './workload';

export interface CopyResult {
  countRows: number;
  /** Rows written: the ledger plus each count row into count_history and current_counts. */
  tableRows: number;
  seconds: number;
  rowsPerSecond: number;
  snapshotsPerSecond: number;
}

type Field = string | number | boolean | null;

/** A row in COPY's text format: tab-separated, \N for null, backslash escapes (PostgreSQL docs, COPY). */
function line(fields: Field[]): string {
  return `${fields
    .map((field) =>
      field === null
        ? '\\N'
        : String(field).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'),
    )
    .join('\t')}\n`;
}

/** The COPY text of each table, in chunks, built before the clock starts. */
function copyText(
  items: readonly WorkItem[],
  hostIds: ReadonlyMap<number, string>,
  lastRound: Set<WorkItem>,
) {
  const ledger: string[] = [];
  const history: string[] = [];
  const current: string[] = [];
  for (const item of items) {
    const hostId = hostIds.get(item.host.index) ?? '';
    const at = item.collectedAt.toISOString();
    ledger.push(line([hostId, item.snapshotId, at, item.digest, lastRound.has(item)]));
    for (const row of item.rows) {
      history.push(line([hostId, at, row.state, row.direction, row.port, row.process, row.count]));
      current.push(line([hostId, row.state, row.direction, row.port, row.process, row.pid, row.count]));
    }
  }
  const chunks = (lines: string[]): Buffer[] => {
    const out: Buffer[] = [];
    for (let i = 0; i < lines.length; i += 2000) out.push(Buffer.from(lines.slice(i, i + 2000).join('')));
    return out;
  };
  return { ledger: chunks(ledger), history: chunks(history), current: chunks(current) };
}

/**
 * The reference run: the same snapshots' rows written by COPY into the same tables in one transaction
 * (pg-copy-streams, one connection): the ledger into `snapshots`, every count row into
 * `count_history` and into `current_counts`, as the API writes them. The tables are emptied afterwards
 * so that the API starts from the same state.
 */
export async function copyReference(
  client: pg.Client,
  items: readonly WorkItem[],
  hostIds: ReadonlyMap<number, string>,
  lastRound: Set<WorkItem>,
): Promise<CopyResult> {
  const text = copyText(items, hostIds, lastRound);
  const countRows = items.reduce((sum, item) => sum + item.rows.length, 0);
  const copy = (table: string, chunks: Buffer[]) =>
    pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${table} from stdin`)));
  const started = performance.now();
  await client.query('begin');
  await copy('snapshots (host_id, snapshot_id, collected_at, digest, current)', text.ledger);
  await copy('count_history (host_id, collected_at, state, direction, port, process, count)', text.history);
  await copy('current_counts (host_id, state, direction, port, process, pid, count)', text.current);
  await client.query('commit');
  const seconds = (performance.now() - started) / 1000;
  await client.query('truncate snapshots, count_history, current_counts');
  return {
    countRows,
    tableRows: items.length + 2 * countRows,
    seconds,
    rowsPerSecond: countRows / seconds,
    snapshotsPerSecond: items.length / seconds,
  };
}
