import { Injectable } from '@nestjs/common';
import type { WireDestination, WireListener } from '@tcpfleet/model';
import { sql, type Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import { toHostRow, type HostRowSql } from '../hosts/hosts.repository';
import type { FindingRows, StoredCount } from './finding-input';

export interface InputQuery {
  hostIds: string[];
  /** The states whose history the trend rules read, and the window they read it over. */
  trendStates: string[];
  since: Date;
  until: Date;
}

type Grouped<T> = Map<string, T[]>;

function groupBy<T extends { host_id: string }>(rows: T[]): Grouped<T> {
  const groups: Grouped<T> = new Map();
  for (const row of rows) {
    const group = groups.get(row.host_id);
    if (group) group.push(row);
    else groups.set(row.host_id, [row]);
  }
  return groups;
}

/** Loads what the findings of several hosts rest on, five queries for all of them. */
@Injectable()
export class FindingInputsRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  async rows(query: InputQuery): Promise<FindingRows[]> {
    const ids = query.hostIds;
    if (ids.length === 0) return [];
    const since = query.since.toISOString();
    const until = query.until.toISOString();
    const [hosts, counts, history, times, peers] = await Promise.all([
      sql<HostRowSql & { ephemeral_low: number | null; ephemeral_high: number | null }>`
        select h.host_id, h.hostname, h.os, h.os_version, h.agent_version, h.machine_id, h.labels,
          h.enrolled_at, h.last_seen_at, h.socket_count, h.socket_count as count, h.ephemeral_low,
          h.ephemeral_high
        from hosts h where h.host_id = any(${ids}::uuid[]) order by h.hostname`.execute(this.db),
      sql<StoredCount & { host_id: string }>`
        select host_id, state, direction, port, process, pid, count from current_counts
        where host_id = any(${ids}::uuid[])`.execute(this.db),
      sql<StoredCount & { host_id: string; at: Date }>`
        select host_id, collected_at as at, state, direction, port, process, count from count_history
        where host_id = any(${ids}::uuid[]) and state = any(${query.trendStates}::text[])
          and collected_at > ${since}::timestamptz and collected_at <= ${until}::timestamptz`.execute(
        this.db,
      ),
      sql<{ host_id: string; at: Date }>`
        select host_id, collected_at as at from snapshots
        where host_id = any(${ids}::uuid[])
          and collected_at > ${since}::timestamptz and collected_at <= ${until}::timestamptz`.execute(
        this.db,
      ),
      sql<{ host_id: string; listeners: WireListener[] | null; destinations: WireDestination[] | null }>`
        select host_id, listeners, destinations from host_sockets
        where host_id = any(${ids}::uuid[])`.execute(this.db),
    ]);
    const countsOf = groupBy(counts.rows);
    const historyOf = groupBy(history.rows);
    const timesOf = groupBy(times.rows);
    const peersOf = new Map(peers.rows.map((row) => [row.host_id, row]));
    return hosts.rows.map((row) => ({
      host: { ...toHostRow(row), ephemeralLow: row.ephemeral_low, ephemeralHigh: row.ephemeral_high },
      counts: countsOf.get(row.host_id) ?? [],
      history: historyOf.get(row.host_id) ?? [],
      times: (timesOf.get(row.host_id) ?? []).map((time) => time.at),
      listeners: peersOf.get(row.host_id)?.listeners ?? null,
      destinations: peersOf.get(row.host_id)?.destinations ?? null,
    }));
  }
}
