import { Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import type { HostFilter } from '../hosts/host-query';
import { hostConditions } from '../hosts/hosts.repository';

export interface StateTotalRow {
  state: string;
  count: number;
  hosts: number;
}

@Injectable()
export class FleetRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  async hostCounts(filter: HostFilter): Promise<{ fresh: number; stale: number }> {
    const conditions = hostConditions({ ...filter, staleness: 'ANY' as HostFilter['staleness'] });
    const staleBefore = filter.staleBefore.toISOString();
    const result = await sql<{ fresh: number; stale: number }>`
      select count(*) filter (where h.last_seen_at >= ${staleBefore}::timestamptz)::int as fresh,
        count(*) filter (where h.last_seen_at is null or h.last_seen_at < ${staleBefore}::timestamptz)::int as stale
      from hosts h where ${conditions.length ? sql.join(conditions, sql` and `) : sql`true`}`.execute(
      this.db,
    );
    return result.rows[0];
  }

  /** Sockets per state over the hosts of a filter (only those that report, unless the filter says so). */
  async totals(filter: HostFilter): Promise<StateTotalRow[]> {
    const conditions = hostConditions(filter);
    const result = await sql<StateTotalRow>`
      select c.state, sum(c.count)::float8 as count, count(distinct c.host_id)::int as hosts
      from current_counts c join hosts h on h.host_id = c.host_id
      where ${conditions.length ? sql.join(conditions, sql` and `) : sql`true`}
      group by c.state`.execute(this.db);
    return result.rows;
  }
}
