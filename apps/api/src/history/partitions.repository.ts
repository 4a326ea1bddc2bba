import { Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';

/** The tables partitioned by day on collected_at. */
export const PARTITIONED_TABLES = ['count_history', 'snapshots'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

// Any constant will do: it keeps replicas from creating the same partition at once.
const PARTITION_LOCK = 7_307_242;

@Injectable()
export class PartitionsRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /** The names of a table's partitions. */
  async list(table: PartitionedTable): Promise<string[]> {
    const result = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname = ${table} order by c.relname`.execute(this.db);
    return result.rows.map((row) => row.name);
  }

  /** Creates the partition `name` of `table` for [from, to) when missing. Dates are YYYY-MM-DD (UTC). */
  async create(table: PartitionedTable, name: string, from: string, to: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(tx);
      await sql`create table if not exists ${sql.id(name)} partition of ${sql.id(table)}
        for values from (${sql.lit(`${from} 00:00:00+00`)}) to (${sql.lit(`${to} 00:00:00+00`)})`.execute(tx);
    });
  }

  /** Drops a whole partition: retention without a row-by-row delete. */
  async drop(name: string): Promise<void> {
    await sql`drop table if exists ${sql.id(name)}`.execute(this.db);
  }
}
