import type pg from 'pg';
import type { HostSent } from './load';

export interface Verification {
  /** Hosts whose stored snapshots, count rows or socket sums differ from what was sent. */
  mismatches: { hostname: string; sent: HostSent; stored: HostSent }[];
  /** Snapshot ids stored more than once. */
  duplicates: number;
  /** Hosts whose current counts do not add up to their current snapshot's history rows. */
  torn: number;
  stored: HostSent;
  sent: HostSent;
}

const add = (a: HostSent, b: HostSent): HostSent => ({
  snapshots: a.snapshots + b.snapshots,
  rows: a.rows + b.rows,
  sockets: a.sockets + b.sockets,
});
const ZERO: HostSent = { snapshots: 0, rows: 0, sockets: 0 };

/** Compares what the database holds, by SQL, with what the fleet sent, host by host. */
export async function verify(client: pg.Client, sent: ReadonlyMap<string, HostSent>): Promise<Verification> {
  const stored = await client.query<{ hostname: string; snapshots: string; rows: string; sockets: string }>(`
    select h.hostname,
      (select count(*) from snapshots s where s.host_id = h.host_id) as snapshots,
      (select count(*) from count_history c where c.host_id = h.host_id) as rows,
      (select coalesce(sum(c.count), 0) from count_history c where c.host_id = h.host_id) as sockets
    from hosts h`);
  const byHost = new Map(
    stored.rows.map((r) => [
      r.hostname,
      { snapshots: Number(r.snapshots), rows: Number(r.rows), sockets: Number(r.sockets) },
    ]),
  );
  const mismatches: Verification['mismatches'] = [];
  for (const hostname of new Set([...sent.keys(), ...byHost.keys()])) {
    const a = sent.get(hostname) ?? ZERO;
    const b = byHost.get(hostname) ?? ZERO;
    if (a.snapshots !== b.snapshots || a.rows !== b.rows || a.sockets !== b.sockets)
      mismatches.push({ hostname, sent: a, stored: b });
  }
  const duplicates = await client.query<{ n: string }>(
    'select count(*) - count(distinct (host_id, snapshot_id)) as n from snapshots',
  );
  const torn = await client.query<{ n: string }>(`
    select count(*) as n from hosts h where h.current_snapshot_id is not null and
      (select coalesce(sum(c.count), 0) from current_counts c where c.host_id = h.host_id) <>
      (select coalesce(sum(ch.count), 0) from count_history ch
        where ch.host_id = h.host_id and ch.collected_at = h.last_seen_at)`);
  return {
    mismatches,
    duplicates: Number(duplicates.rows[0].n),
    torn: Number(torn.rows[0].n),
    stored: [...byHost.values()].reduce(add, ZERO),
    sent: [...sent.values()].reduce(add, ZERO),
  };
}
