import type { PrivatePostgres } from './private-postgres';

/** One accepted snapshot as the database holds it: its ledger entry and the history rows beside it. */
export interface Stored {
  id: string;
  hostname: string;
  rows: number;
  total: number;
}

/**
 * Every entry of the snapshots ledger with the count_history rows written for it (history is keyed by
 * host and collectedAt, the ledger carries both). An id stored twice appears twice.
 */
export async function storedSnapshots(pg: PrivatePostgres, database: string): Promise<Stored[]> {
  const rows = await pg.query(
    `select s.snapshot_id, h.hostname, count(ch.count), coalesce(sum(ch.count), 0)
     from snapshots s
     join hosts h on h.host_id = s.host_id
     left join count_history ch on ch.host_id = s.host_id and ch.collected_at = s.collected_at
     group by s.host_id, s.snapshot_id, s.collected_at, h.hostname`,
    database,
  );
  return rows.map(([id, hostname, count, total]) => ({
    id,
    hostname,
    rows: Number(count),
    total: Number(total),
  }));
}

/** Ids the ledger holds more than once. */
export function duplicates(stored: Stored[]): string[] {
  const seen = new Set<string>();
  return stored.filter((s) => seen.has(s.id) || !seen.add(s.id)).map((s) => s.id);
}

/**
 * Hosts whose current view does not add up to their current snapshot: current_counts must sum to the
 * history rows of the snapshot named current, and that snapshot must be in the ledger.
 */
export async function torn(pg: PrivatePostgres, database: string): Promise<string[][]> {
  return pg
    .query(
      `select h.hostname, h.current_snapshot_id,
       (select coalesce(sum(c.count), 0) from current_counts c where c.host_id = h.host_id) as current,
       (select coalesce(sum(ch.count), 0) from count_history ch
         where ch.host_id = h.host_id and ch.collected_at = h.last_seen_at) as history,
       (select count(*) from snapshots s
         where s.host_id = h.host_id and s.snapshot_id = h.current_snapshot_id) as ledger
     from hosts h
     where h.current_snapshot_id is not null`,
      database,
    )
    .then((rows) => rows.filter(([, , current, history, ledger]) => current !== history || ledger !== '1'));
}
