import { Injectable } from '@nestjs/common';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import {
  zeroCountMatches,
  type CountBounds,
  type CountMatch,
  type HostFilter,
  type HostPageQuery,
  type HostRow,
} from './host-query';

type Fragment = RawBuilder<unknown>;

const and = (parts: Fragment[]): Fragment => (parts.length === 0 ? sql`true` : sql.join(parts, sql` and `));

/** The conditions on current_counts rows of a match. */
export function matchConditions(match: CountMatch, alias = 'c'): Fragment[] {
  const column = (name: string): Fragment => sql.ref(`${alias}.${name}`);
  const parts: Fragment[] = [];
  if (match.states) parts.push(sql`${column('state')} = any(${match.states}::text[])`);
  if (match.direction) parts.push(sql`${column('direction')} = ${match.direction}`);
  if (match.port !== null) parts.push(sql`${column('port')} = ${match.port}`);
  if (match.process !== null) parts.push(sql`${column('process')} = ${match.process}`);
  return parts;
}

function boundConditions(count: Fragment, bounds: CountBounds): Fragment[] {
  const parts: Fragment[] = [];
  if (bounds.gt !== null) parts.push(sql`${count} > ${bounds.gt}`);
  if (bounds.gte !== null) parts.push(sql`${count} >= ${bounds.gte}`);
  if (bounds.lt !== null) parts.push(sql`${count} < ${bounds.lt}`);
  if (bounds.gt === null && bounds.gte === null && bounds.lt === null) parts.push(sql`${count} > 0`);
  return parts;
}

export function hostConditions(filter: HostFilter): Fragment[] {
  const parts: Fragment[] = [];
  if (filter.hostnameLike !== null) parts.push(sql`h.hostname ilike ${filter.hostnameLike}`);
  if (filter.labels !== null) parts.push(sql`h.labels @> ${JSON.stringify(filter.labels)}::text::jsonb`);
  if (filter.os !== null) parts.push(sql`h.os = any(${filter.os}::text[])`);
  const stale = sql`(h.last_seen_at is null or h.last_seen_at < ${filter.staleBefore.toISOString()}::timestamptz)`;
  if (filter.staleness === 'FRESH') parts.push(sql`not ${stale}`);
  if (filter.staleness === 'STALE') parts.push(stale);
  return parts;
}

const SORT: Record<HostPageQuery['sort']['field'], Fragment> = {
  COUNT: sql`x.count`,
  HOSTNAME: sql`x.hostname`,
  LAST_SEEN_AT: sql`x.seen_epoch`,
};

/** Host lists and single hosts; the SQL of the fleet query lives here. */
@Injectable()
export class HostsRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /**
   * One page of hosts. With a match, counts are summed per host from current_counts (one index range
   * on (state, port)); the hosts filter, the bounds, the keyset cursor and the order apply on top.
   */
  async page(query: HostPageQuery): Promise<HostRow[]> {
    const { match, bounds } = query;
    const matched = match
      ? sql`(select c.host_id, sum(c.count)::int as count from current_counts c
           where ${and(matchConditions(match))} group by c.host_id)`
      : null;
    const count = matched ? sql`coalesce(m.count, 0)` : sql`h.socket_count`;
    const join = !matched
      ? sql``
      : zeroCountMatches(bounds)
        ? sql`left join ${matched} m on m.host_id = h.host_id`
        : sql`join ${matched} m on m.host_id = h.host_id`;
    const where = [...hostConditions(query.filter), ...(matched ? boundConditions(count, bounds) : [])];
    const sort = SORT[query.sort.field];
    const direction = query.sort.descending ? sql`desc` : sql`asc`;
    const result = await sql<HostRowSql & { seen_epoch: number }>`
      select * from (
        select h.host_id, h.hostname, h.os, h.os_version, h.agent_version, h.machine_id, h.labels,
          h.enrolled_at, h.last_seen_at, h.socket_count, ${count} as count,
          coalesce(extract(epoch from h.last_seen_at), 0)::float8 as seen_epoch
        from hosts h ${join}
        where ${and(where)}) x
      where ${this.after(query, sort)}
      order by ${sort} ${direction}, x.hostname asc
      limit ${query.limit}`.execute(this.db);
    return result.rows.map(toHostRow);
  }

  private after(query: HostPageQuery, sort: Fragment): Fragment {
    if (!query.after) return sql`true`;
    const { value, hostname } = query.after;
    if (query.sort.field === 'HOSTNAME') {
      return query.sort.descending ? sql`x.hostname < ${hostname}` : sql`x.hostname > ${hostname}`;
    }
    const past = query.sort.descending ? sql`${sort} < ${value}` : sql`${sort} > ${value}`;
    return sql`(${past} or (${sort} = ${value} and x.hostname > ${hostname}))`;
  }

  async byIds(hostIds: string[]): Promise<HostRow[]> {
    const result = await sql<HostRowSql>`
      select h.host_id, h.hostname, h.os, h.os_version, h.agent_version, h.machine_id, h.labels,
        h.enrolled_at, h.last_seen_at, h.socket_count, h.socket_count as count
      from hosts h where h.host_id = any(${hostIds}::uuid[]) order by h.hostname`.execute(this.db);
    return result.rows.map(toHostRow);
  }

  async byHostname(hostname: string): Promise<HostRow | null> {
    const result = await sql<HostRowSql>`
      select h.host_id, h.hostname, h.os, h.os_version, h.agent_version, h.machine_id, h.labels,
        h.enrolled_at, h.last_seen_at, h.socket_count, h.socket_count as count
      from hosts h where h.hostname = ${hostname}`.execute(this.db);
    return result.rows[0] ? toHostRow(result.rows[0]) : null;
  }
}

export interface HostRowSql {
  host_id: string;
  hostname: string;
  os: string | null;
  os_version: string | null;
  agent_version: string | null;
  machine_id: string | null;
  labels: Record<string, string>;
  enrolled_at: Date;
  last_seen_at: Date | null;
  socket_count: number;
  count: number;
}

export function toHostRow(row: HostRowSql): HostRow {
  return {
    hostId: row.host_id,
    hostname: row.hostname,
    os: row.os,
    osVersion: row.os_version,
    agentVersion: row.agent_version,
    machineId: row.machine_id,
    labels: row.labels,
    enrolledAt: row.enrolled_at,
    lastSeenAt: row.last_seen_at,
    socketCount: row.socket_count,
    count: row.count,
  };
}
