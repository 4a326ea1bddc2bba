import { Injectable } from '@nestjs/common';
import type { SnapshotV1 } from '@tcpfleet/model';
import { sql, type Kysely, type Transaction } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import type { CountRow } from './count-rows';
import { peerSummary } from './peer-summary';
import { ledgerKey, planBatch, type IngestItem, type IngestOutcome, type StoredState } from './ingest-plan';

export interface IngestSnapshot extends IngestItem {
  snapshot: SnapshotV1;
  rows: CountRow[];
}

type Tx = Transaction<Schema>;

/** All SQL of ingestion: one transaction per batch, bulk writes through unnest and jsonb_to_recordset. */
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
        await insertHistory(tx, created);
      }
      if (current.length > 0) await replaceCurrent(tx, current);
      return plan.outcomes;
    });
  }

  /** Locks the batch's hosts (in one order, so concurrent batches cannot deadlock) and reads the ledger. */
  private async storedState(tx: Tx, items: readonly IngestSnapshot[]): Promise<StoredState> {
    const hostIds = [...new Set(items.map((item) => item.hostId))].sort();
    const hosts = await sql<{ host_id: string; last_seen_at: Date | null }>`
      select host_id, last_seen_at from hosts where host_id = any(${hostIds}::uuid[])
      order by host_id for update`.execute(tx);
    const known = await sql<{ host_id: string; snapshot_id: string; digest: string; current: boolean }>`
      select s.host_id, s.snapshot_id, s.digest, s.current
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
    insert into snapshots (host_id, snapshot_id, collected_at, digest, current)
    select * from unnest(${created.map((i) => i.hostId)}::uuid[], ${created.map((i) => i.snapshotId)}::uuid[],
      ${created.map((i) => i.collectedAt.toISOString())}::timestamptz[], ${created.map((i) => i.digest)}::text[],
      ${created.map((i) => current.has(i))}::boolean[])`.execute(tx);
}

/** Column arrays for unnest: one array per column, one element per count row. */
function countColumns(items: readonly IngestSnapshot[]) {
  const columns = {
    hostId: [] as string[],
    collectedAt: [] as string[],
    state: [] as string[],
    direction: [] as string[],
    port: [] as number[],
    process: [] as (string | null)[],
    pid: [] as (number | null)[],
    count: [] as number[],
  };
  for (const item of items) {
    const at = item.collectedAt.toISOString();
    for (const row of item.rows) {
      columns.hostId.push(item.hostId);
      columns.collectedAt.push(at);
      columns.state.push(row.state);
      columns.direction.push(row.direction);
      columns.port.push(row.port);
      columns.process.push(row.process);
      columns.pid.push(row.pid);
      columns.count.push(row.count);
    }
  }
  return columns;
}

async function insertHistory(tx: Tx, created: IngestSnapshot[]): Promise<void> {
  const c = countColumns(created);
  if (c.hostId.length === 0) return;
  await sql`
    insert into count_history (host_id, collected_at, state, direction, port, process, count)
    select * from unnest(${c.hostId}::uuid[], ${c.collectedAt}::timestamptz[], ${c.state}::text[],
      ${c.direction}::text[], ${c.port}::integer[], ${c.process}::text[], ${c.count}::integer[])`.execute(tx);
}

/** Makes each item its host's current snapshot: counts, socket list, listeners, destinations, host facts. */
async function replaceCurrent(tx: Tx, current: IngestSnapshot[]): Promise<void> {
  const hostIds = current.map((item) => item.hostId);
  await sql`delete from current_counts where host_id = any(${hostIds}::uuid[])`.execute(tx);
  const c = countColumns(current);
  if (c.hostId.length > 0) {
    await sql`
      insert into current_counts (host_id, state, direction, port, process, pid, count)
      select * from unnest(${c.hostId}::uuid[], ${c.state}::text[], ${c.direction}::text[],
        ${c.port}::integer[], ${c.process}::text[], ${c.pid}::integer[], ${c.count}::integer[])`.execute(tx);
  }
  const socketLists = JSON.stringify(current.map(socketsDocument));
  await sql`
    insert into host_sockets (host_id, snapshot_id, collected_at, truncated, sockets, listeners, destinations,
      fullest_listener, longest_queue, busiest_destination, busiest_syn_sent)
    select * from jsonb_to_recordset(${socketLists}::text::jsonb)
      as x(host_id uuid, snapshot_id uuid, collected_at timestamptz, truncated boolean, sockets jsonb,
        listeners jsonb, destinations jsonb, fullest_listener float8, longest_queue bigint,
        busiest_destination integer, busiest_syn_sent integer)
    on conflict (host_id) do update set snapshot_id = excluded.snapshot_id,
      collected_at = excluded.collected_at, truncated = excluded.truncated, sockets = excluded.sockets,
      listeners = excluded.listeners, destinations = excluded.destinations,
      fullest_listener = excluded.fullest_listener, longest_queue = excluded.longest_queue,
      busiest_destination = excluded.busiest_destination, busiest_syn_sent = excluded.busiest_syn_sent`.execute(
    tx,
  );
  const facts = JSON.stringify(current.map(hostDocument));
  await sql`
    update hosts h set machine_id = coalesce(x.machine_id, h.machine_id), os = x.os, os_version = x.os_version,
      agent_version = x.agent_version, labels = x.labels, ephemeral_low = x.ephemeral_low,
      ephemeral_high = x.ephemeral_high, last_seen_at = x.collected_at, current_snapshot_id = x.snapshot_id,
      socket_count = x.socket_count, collector = x.collector
    from jsonb_to_recordset(${facts}::text::jsonb) as x(host_id uuid, snapshot_id uuid,
      collected_at timestamptz, machine_id text, os text, os_version text, agent_version text, labels jsonb,
      ephemeral_low integer, ephemeral_high integer, socket_count integer, collector jsonb)
    where h.host_id = x.host_id`.execute(tx);
}

function socketsDocument(item: IngestSnapshot) {
  const { listeners, destinations } = item.snapshot;
  const summary = peerSummary(listeners, destinations);
  return {
    host_id: item.hostId,
    snapshot_id: item.snapshotId,
    collected_at: item.collectedAt.toISOString(),
    truncated: item.snapshot.collector.truncated,
    sockets: item.snapshot.sockets,
    // JSON null becomes SQL null in jsonb_to_recordset: "not reported", unlike an empty list.
    listeners: listeners ?? null,
    destinations: destinations ?? null,
    fullest_listener: summary.fullestListener,
    longest_queue: summary.longestQueue,
    busiest_destination: summary.busiestDestination,
    busiest_syn_sent: summary.busiestSynSent,
  };
}

function hostDocument(item: IngestSnapshot) {
  const { host, collector } = item.snapshot;
  return {
    host_id: item.hostId,
    snapshot_id: item.snapshotId,
    collected_at: item.collectedAt.toISOString(),
    machine_id: host.machineId ?? null,
    os: host.os,
    os_version: host.osVersion,
    agent_version: host.agentVersion,
    labels: host.labels,
    ephemeral_low: host.ephemeralPortRange.low,
    ephemeral_high: host.ephemeralPortRange.high,
    socket_count: collector.socketCount,
    collector: { ...collector, warnings: collector.warnings.slice(0, 20) },
  };
}
