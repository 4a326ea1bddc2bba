import { sql, type Transaction } from 'kysely';
import type { Schema } from '../database/schema';
import { countColumns, type IngestSnapshot } from './ingest-columns';
import { peerSummary } from './peer-summary';

type Tx = Transaction<Schema>;

/** Makes each item its host's current snapshot: socket list, listeners, destinations, host facts. */
export async function replaceCurrent(tx: Tx, current: IngestSnapshot[]): Promise<void> {
  await replaceSocketLists(tx, current);
  await updateHosts(tx, current);
}

/**
 * Writes the count rows of the batch's new snapshots in one statement, their column arrays sent
 * once: every row into count_history, and the rows of the snapshots that become their host's current
 * one into current_counts. current_counts is brought up to date touching only what changed: keys
 * that vanished are deleted, new keys inserted, and a kept key is updated only when its count or pid
 * moved. Rewriting every row on every snapshot left the indexes full of dead entries; an updated
 * count or pid is a HOT update (migration 0009), which writes no index entry at all. Every part of the
 * statement sees the rows as they were before it, and the hosts' rows are locked (storedState), so
 * no other batch interferes.
 */
export async function writeCounts(
  tx: Tx,
  created: IngestSnapshot[],
  current: IngestSnapshot[],
): Promise<void> {
  const c = countColumns(created, new Set(current));
  const currentHosts = current.map((item) => item.hostId);
  const sameKey = sql`i.host_id = c.host_id and i.state = c.state and i.direction = c.direction
    and i.port = c.port and i.process is not distinct from c.process`;
  // Every part reads only the current hosts' rows (their host_id index), never the whole table.
  const ours = sql`c.host_id = any(${currentHosts}::uuid[])`;
  await sql`
    /* prepared: ingest-counts */ with incoming as (
      select * from unnest(${c.hostId}::uuid[], ${c.collectedAt}::timestamptz[], ${c.state}::text[],
        ${c.direction}::text[], ${c.port}::integer[], ${c.process}::text[], ${c.pid}::integer[],
        ${c.count}::integer[], ${c.current}::boolean[])
        as x(host_id, collected_at, state, direction, port, process, pid, count, current)),
    history as (
      insert into count_history (host_id, collected_at, state, direction, port, process, count)
      select host_id, collected_at, state, direction, port, process, count from incoming),
    fresh as (select * from incoming where current),
    gone as (
      delete from current_counts c where ${ours} and not exists (select 1 from fresh i where ${sameKey})),
    changed as (
      update current_counts c set pid = i.pid, count = i.count from fresh i
      where ${ours} and ${sameKey} and (c.pid, c.count) is distinct from (i.pid, i.count))
    insert into current_counts (host_id, state, direction, port, process, pid, count)
    select host_id, state, direction, port, process, pid, count from fresh i
    where not exists (select 1 from current_counts c where ${ours} and ${sameKey})`.execute(tx);
}

/**
 * One row per host: the socket list as stored (socket-list.ts), bound as bytes, and the listeners
 * and destinations as small jsonb documents with their summary columns (migration 0003).
 */
async function replaceSocketLists(tx: Tx, current: IngestSnapshot[]): Promise<void> {
  const rows = current.map((item) => {
    const { listeners, destinations } = item.snapshot;
    const summary = peerSummary(listeners, destinations);
    // Null is "not reported", unlike an empty list.
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    return sql`(${item.hostId}::uuid, ${item.snapshotId}::uuid, ${item.collectedAt.toISOString()}::timestamptz,
      ${item.snapshot.collector.truncated}::boolean, ${item.socketList.bytes}::bytea,
      ${item.socketList.encoding}::text, ${json(listeners)}::jsonb,
      ${json(destinations)}::jsonb, ${summary.fullestListener}::float8, ${summary.longestQueue}::bigint,
      ${summary.busiestDestination}::integer, ${summary.busiestSynSent}::integer)`;
  });
  await sql`
    insert into host_sockets (host_id, snapshot_id, collected_at, truncated, socket_list,
      socket_list_encoding, listeners, destinations, fullest_listener, longest_queue,
      busiest_destination, busiest_syn_sent)
    values ${sql.join(rows)}
    on conflict (host_id) do update set snapshot_id = excluded.snapshot_id,
      collected_at = excluded.collected_at, truncated = excluded.truncated, sockets = null,
      socket_list = excluded.socket_list, socket_list_encoding = excluded.socket_list_encoding,
      listeners = excluded.listeners,
      destinations = excluded.destinations, fullest_listener = excluded.fullest_listener,
      longest_queue = excluded.longest_queue, busiest_destination = excluded.busiest_destination,
      busiest_syn_sent = excluded.busiest_syn_sent`.execute(tx);
}

async function updateHosts(tx: Tx, current: IngestSnapshot[]): Promise<void> {
  const facts = JSON.stringify(current.map(hostDocument));
  await sql`
    /* prepared: ingest-hosts */ update hosts h set machine_id = coalesce(x.machine_id, h.machine_id), os = x.os, os_version = x.os_version,
      agent_version = x.agent_version, labels = x.labels, ephemeral_low = x.ephemeral_low,
      ephemeral_high = x.ephemeral_high, last_seen_at = x.collected_at, current_snapshot_id = x.snapshot_id,
      socket_count = x.socket_count, collector = x.collector
    from jsonb_to_recordset(${facts}::text::jsonb) as x(host_id uuid, snapshot_id uuid,
      collected_at timestamptz, machine_id text, os text, os_version text, agent_version text, labels jsonb,
      ephemeral_low integer, ephemeral_high integer, socket_count integer, collector jsonb)
    where h.host_id = x.host_id`.execute(tx);
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
