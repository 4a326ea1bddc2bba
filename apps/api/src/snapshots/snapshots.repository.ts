import { Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import { replaceCurrent, writeCounts } from './current.writes';
import type { IngestSnapshot } from './ingest-columns';
import { ledgerKey, planBatch, type IngestOutcome, type StoredState } from './ingest-plan';

export type { IngestSnapshot } from './ingest-columns';

type Tx = Transaction<Schema>;

/** All SQL of ingestion: one transaction per batch, bulk writes through unnest (current state: current.writes.ts). */
@Injectable()
export class SnapshotsRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  ingest(items: readonly IngestSnapshot[]): Promise<IngestOutcome[]> {
    return this.db.transaction().execute(async (tx) => {
      const plan = planBatch(items, await this.storedState(tx, items));
      const created = plan.created.map((index) => items[index]);
      const current = [...plan.current.values()].map((index) => items[index]);
      if (created.length > 0) {
        await insertLedger(tx, created, new Set(current));
        await writeCounts(tx, created, current);
      }
      if (current.length > 0) await replaceCurrent(tx, current);
      return plan.outcomes;
    });
  }

  /** Locks the batch's hosts (in one order, so concurrent batches cannot deadlock) and reads the ledger. */
  private async storedState(tx: Tx, items: readonly IngestSnapshot[]): Promise<StoredState> {
    const hostIds = [...new Set(items.map((item) => item.hostId))].sort();
    const hosts = await sql<{ host_id: string; last_seen_at: Date | null }>`
      /* prepared: ingest-lock-hosts */ select host_id, last_seen_at from hosts where host_id = any(${hostIds}::uuid[])
      order by host_id for update`.execute(tx);
    const known = await sql<{ host_id: string; snapshot_id: string; digest: string; current: boolean }>`
      /* prepared: ingest-known-ids */ select s.host_id, s.snapshot_id, s.digest, s.current
      from snapshots s
      join unnest(${items.map((i) => i.hostId)}::uuid[], ${items.map((i) => i.snapshotId)}::uuid[])
        as k(host_id, snapshot_id) on s.host_id = k.host_id and s.snapshot_id = k.snapshot_id`.execute(tx);
    return {
      lastSeenAt: new Map(hosts.rows.map((row) => [row.host_id, row.last_seen_at])),
      known: new Map(known.rows.map((row) => [ledgerKey(row.host_id, row.snapshot_id), row])),
    };
  }
}

async function insertLedger(tx: Tx, created: IngestSnapshot[], current: Set<IngestSnapshot>): Promise<void> {
  await sql`
    /* prepared: ingest-ledger */ insert into snapshots (host_id, snapshot_id, collected_at, digest, current)
    select * from unnest(${created.map((i) => i.hostId)}::uuid[], ${created.map((i) => i.snapshotId)}::uuid[],
      ${created.map((i) => i.collectedAt.toISOString())}::timestamptz[], ${created.map((i) => i.digest)}::text[],
      ${created.map((i) => current.has(i))}::boolean[])`.execute(tx);
}
