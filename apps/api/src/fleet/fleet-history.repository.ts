import { Injectable } from '@nestjs/common';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';

export interface FleetHistoryQuery {
  from: Date;
  to: Date;
  stepSeconds: number;
  /** Null: every state with a row in the range. */
  states: string[] | null;
  /** INBOUND, OUTBOUND or ANY (both). */
  direction: string;
}

export interface FleetStatePointRow {
  state: string;
  at: Date;
  sockets: number;
  minSockets: number;
  averageSockets: number;
  hosts: number;
  samples: number;
}

export interface FleetReportingRow {
  at: Date;
  hosts: number;
  samples: number;
}

/** Reads the fleet's history that the rollup job writes (fleet_buckets, fleet_totals). */
@Injectable()
export class FleetHistoryRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /** Hosts reporting per step: the buckets in [from, to) binned from `from`. */
  async reporting(query: FleetHistoryQuery): Promise<FleetReportingRow[]> {
    const result = await sql<FleetReportingRow>`
      select ${this.step(query, sql`b.bucket`)} as at, max(b.hosts)::int as hosts, count(*)::int as samples
      from fleet_buckets b where ${this.range(query, sql`b.bucket`)}
      group by 1 order by 1`.execute(this.db);
    return result.rows;
  }

  /**
   * Sockets per state and step. Every bucket counts: a state without a row in a bucket had no sockets
   * then, so it adds a zero to the step's lowest and mean rather than being left out.
   */
  async states(query: FleetHistoryQuery): Promise<FleetStatePointRow[]> {
    const wanted =
      query.states === null
        ? sql`select distinct t.state from fleet_totals t
            where ${this.range(query, sql`t.bucket`)} and t.direction = ${query.direction}`
        : sql`select unnest(${query.states}::text[]) as state`;
    const result = await sql<FleetStatePointRow>`
      with steps as (
        select b.bucket, ${this.step(query, sql`b.bucket`)} as at
        from fleet_buckets b where ${this.range(query, sql`b.bucket`)}
      ), wanted as (${wanted})
      select w.state, s.at,
        max(coalesce(t.sockets, 0))::float8 as sockets,
        min(coalesce(t.sockets, 0))::float8 as "minSockets",
        avg(coalesce(t.sockets, 0))::float8 as "averageSockets",
        max(coalesce(t.hosts, 0))::int as hosts,
        count(*)::int as samples
      from steps s cross join wanted w
      left join fleet_totals t on t.bucket = s.bucket and t.state = w.state and t.direction = ${query.direction}
      group by w.state, s.at order by w.state, s.at`.execute(this.db);
    return result.rows;
  }

  private range(query: FleetHistoryQuery, column: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`${column} >= ${query.from.toISOString()}::timestamptz and ${column} < ${query.to.toISOString()}::timestamptz`;
  }

  private step(query: FleetHistoryQuery, column: RawBuilder<unknown>): RawBuilder<unknown> {
    return sql`date_bin(make_interval(secs => ${query.stepSeconds}), ${column}, ${query.from.toISOString()}::timestamptz)`;
  }
}
