import { Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import { Staleness } from '../hosts/hosts.input';
import { hostConditions } from '../hosts/hosts.repository';

export interface RollupWrite {
  /** False when another replica had already taken the bucket: nothing was written. */
  claimed: boolean;
  /** Hosts reporting when the bucket was taken. */
  hosts: number;
  /** Rows written to fleet_totals. */
  rows: number;
}

/** Writes the fleet's totals into its history (fleet_buckets, fleet_totals) and forgets old ones. */
@Injectable()
export class FleetRollupRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /**
   * One statement: claims `bucket` in fleet_buckets and, only if this call claimed it, writes the
   * sockets per state of the hosts reporting as of `staleBefore` (the headline query's condition), per
   * direction and for both (ANY). A replica meeting a bucket being written waits on its key, then
   * writes nothing and reads no counts: each bucket is written once, whole.
   */
  async write(bucket: Date, staleBefore: Date): Promise<RollupWrite> {
    const fresh = hostConditions({
      hostnameLike: null,
      labels: null,
      os: null,
      staleness: Staleness.FRESH,
      staleBefore,
    });
    // Sums per host first, then per state: plain hash aggregates, no count(distinct) sort, which
    // matters at 10,000 hosts (about half the time of grouping sets over the count rows).
    const result = await sql<RollupWrite>`
      with fresh as (
        select h.host_id from hosts h where ${sql.join(fresh, sql` and `)}
      ), claimed as (
        insert into fleet_buckets (bucket, hosts)
        select ${bucket.toISOString()}::timestamptz, count(*) from fresh
        on conflict (bucket) do nothing
        returning bucket, hosts
      ), per_host as (
        select c.host_id, c.state, c.direction, sum(c.count) as sockets
        from current_counts c join fresh f on f.host_id = c.host_id
        where exists (select 1 from claimed)
        group by c.host_id, c.state, c.direction
      ), written as (
        insert into fleet_totals (bucket, state, direction, sockets, hosts)
        select k.bucket, t.state, t.direction, t.sockets, t.hosts
        from claimed k cross join (
          select state, direction, sum(sockets) as sockets, count(*) as hosts
          from per_host group by state, direction
          union all
          select state, 'ANY', sum(sockets), count(*)
          from (select host_id, state, sum(sockets) as sockets from per_host group by host_id, state) s
          group by state) t
        on conflict do nothing
        returning 1
      )
      select exists (select 1 from claimed) as claimed,
        coalesce((select hosts from claimed), 0)::int as hosts,
        (select count(*) from written)::int as rows`.execute(this.db);
    return result.rows[0];
  }

  /** Deletes the buckets taken before `cutoff`; returns how many. */
  async expire(cutoff: Date): Promise<number> {
    const before = cutoff.toISOString();
    const result = await sql<{ buckets: number }>`
      with totals as (delete from fleet_totals where bucket < ${before}::timestamptz returning 1),
        buckets as (delete from fleet_buckets where bucket < ${before}::timestamptz returning 1)
      select (select count(*) from buckets)::int as buckets, (select count(*) from totals)::int as totals`.execute(
      this.db,
    );
    return result.rows[0].buckets;
  }
}
