import { Injectable } from '@nestjs/common';
import type { WireDestination, WireListener, WireSocket } from '@tcpfleet/model';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import { decodeSocketList, type StoredEncoding } from '../snapshots/socket-list';
import type { CountMatch } from './host-query';
import { matchConditions } from './hosts.repository';
import { filterSockets, type SocketQuery, type SocketRow } from './socket-filter';

export interface CountRowOut {
  state: string;
  direction: string;
  port: number;
  process: string | null;
  pid: number | null;
  count: number;
}

export interface ProcessRow {
  hostId: string;
  name: string | null;
  pid: number | null;
  count: number;
}

export interface SocketListRow {
  collectedAt: Date | null;
  truncated: boolean;
  sockets: SocketRow[];
}

/** The current snapshot's listeners and destinations; null when the agent did not report them. */
export interface PeersRow {
  listeners: WireListener[] | null;
  destinations: WireDestination[] | null;
}

export interface HistoryQuery {
  match: CountMatch;
  from: Date;
  to: Date;
  stepSeconds: number;
}

export interface HistoryRow {
  at: Date;
  count: number;
  min: number;
  average: number;
  samples: number;
}

const where = (parts: RawBuilder<unknown>[]): RawBuilder<unknown> =>
  parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);

/** One host's detail: its current counts, processes, socket list and history. */
@Injectable()
export class HostDetailRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  async counts(hostId: string, match: CountMatch): Promise<CountRowOut[]> {
    const result = await sql<CountRowOut>`
      select c.state, c.direction, c.port, c.process, c.pid, c.count from current_counts c
      where c.host_id = ${hostId} and ${where(matchConditions(match))}
      order by c.count desc, c.state, c.port, c.process limit 10000`.execute(this.db);
    return result.rows;
  }

  /** The processes holding the matched sockets of several hosts at once, biggest first per host. */
  async processes(hostIds: string[], match: CountMatch, limit: number): Promise<ProcessRow[]> {
    const result = await sql<ProcessRow>`
      select host_id as "hostId", name, pid, count from (
        select c.host_id, c.process as name, max(c.pid) as pid, sum(c.count)::int as count,
          row_number() over (partition by c.host_id order by sum(c.count) desc, c.process) as rank
        from current_counts c
        where c.host_id = any(${hostIds}::uuid[]) and ${where(matchConditions(match))}
        group by c.host_id, c.process) ranked
      where rank <= ${limit} order by host_id, count desc, name`.execute(this.db);
    return result.rows;
  }

  /** The host's socket list, decoded and filtered here: it is stored whole (migration 0004). */
  async sockets(hostId: string, query: SocketQuery): Promise<SocketListRow> {
    const result = await sql<{
      collected_at: Date;
      truncated: boolean;
      sockets: WireSocket[] | null;
      socket_list: Uint8Array | null;
      socket_list_encoding: StoredEncoding | null;
    }>`select collected_at, truncated, sockets, socket_list, socket_list_encoding
      from host_sockets where host_id = ${hostId}`.execute(this.db);
    const row = result.rows[0];
    if (!row) return { collectedAt: null, truncated: false, sockets: [] };
    // A list written before migration 0004 is still jsonb until the host's next snapshot.
    const list = row.socket_list
      ? decodeSocketList(row.socket_list, row.socket_list_encoding)
      : (row.sockets ?? []);
    return { collectedAt: row.collected_at, truncated: row.truncated, sockets: filterSockets(list, query) };
  }

  async peers(hostId: string): Promise<PeersRow> {
    const result = await sql<PeersRow>`
      select listeners, destinations from host_sockets where host_id = ${hostId}`.execute(this.db);
    return result.rows[0] ?? { listeners: null, destinations: null };
  }

  /**
   * The matched count of every snapshot of a host in [from, to), zero where a snapshot had no matching
   * rows (hence the ledger on the left), then bucketed by step.
   */
  async history(hostId: string, query: HistoryQuery): Promise<HistoryRow[]> {
    const from = query.from.toISOString();
    const to = query.to.toISOString();
    const result = await sql<HistoryRow>`
      select date_bin(make_interval(secs => ${query.stepSeconds}), t.collected_at, ${from}::timestamptz) as at,
        max(t.total)::int as count, min(t.total)::int as min, avg(t.total)::float8 as average,
        count(*)::int as samples
      from (
        select s.collected_at, coalesce(sum(c.count), 0) as total
        from snapshots s
        left join count_history c on c.host_id = s.host_id and c.collected_at = s.collected_at
          and ${where(matchConditions(query.match))}
          and c.collected_at >= ${from}::timestamptz and c.collected_at < ${to}::timestamptz
        where s.host_id = ${hostId} and s.collected_at >= ${from}::timestamptz and s.collected_at < ${to}::timestamptz
        group by s.collected_at) t
      group by 1 order by 1`.execute(this.db);
    return result.rows;
  }
}
