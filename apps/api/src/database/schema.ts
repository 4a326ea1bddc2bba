import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables in migrations/. Repositories alone use it. */
export interface HostsTable {
  host_id: string;
  hostname: string;
  machine_id: string | null;
  os: string | null;
  os_version: string | null;
  agent_version: string | null;
  labels: ColumnType<Record<string, string>, string | undefined, string>;
  ephemeral_low: number | null;
  ephemeral_high: number | null;
  enrolled_at: Generated<Date>;
  last_seen_at: Date | null;
  current_snapshot_id: string | null;
  socket_count: Generated<number>;
  collector: ColumnType<unknown, string | null, string | null>;
}

export interface HostTokensTable {
  host_id: string;
  token_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface HostTokenEpochTable {
  only_row: Generated<boolean>;
  epoch: string;
}

export interface ApiKeysTable {
  key_id: string;
  name: string;
  role: string;
  key_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface SnapshotsTable {
  host_id: string;
  snapshot_id: string;
  collected_at: Date;
  received_at: Generated<Date>;
  digest: string;
  current: boolean;
}

export interface CurrentCountsTable {
  host_id: string;
  state: string;
  direction: string;
  port: number;
  process: string | null;
  pid: number | null;
  count: number;
}

export interface CountHistoryTable {
  host_id: string;
  collected_at: Date;
  state: string;
  direction: string;
  port: number;
  process: string | null;
  count: number;
}

export interface HostSocketsTable {
  host_id: string;
  snapshot_id: string;
  collected_at: Date;
  truncated: boolean;
  /** The list as jsonb, from before migration 0004; null since. */
  sockets: unknown;
  /** The list as brotli-compressed JSON (snapshots/socket-list.ts). */
  socket_list: Uint8Array | null;
  socket_list_encoding: 'gzip' | 'deflate' | 'br' | null;
  listeners: unknown;
  destinations: unknown;
  fullest_listener: number | null;
  longest_queue: number | null;
  busiest_destination: number | null;
  busiest_syn_sent: number | null;
}

/** A bucket of the fleet rollup (migration 0007): when it was taken and the hosts reporting then. */
export interface FleetBucketsTable {
  bucket: Date;
  hosts: number;
}

/** Sockets per state and direction (or ANY) over a bucket's reporting hosts. */
export interface FleetTotalsTable {
  bucket: Date;
  state: string;
  direction: string;
  sockets: ColumnType<string, number, number>;
  hosts: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface Schema {
  hosts: HostsTable;
  host_tokens: HostTokensTable;
  host_token_epoch: HostTokenEpochTable;
  api_keys: ApiKeysTable;
  snapshots: SnapshotsTable;
  current_counts: CurrentCountsTable;
  count_history: CountHistoryTable;
  host_sockets: HostSocketsTable;
  fleet_buckets: FleetBucketsTable;
  fleet_totals: FleetTotalsTable;
  schema_migrations: SchemaMigrationsTable;
}
