-- The tcpfleet schema. Every table that grows with the fleet carries host_id, so each can be
-- distributed by host (Citus) without rewriting a query.

create table hosts (
  host_id uuid primary key,
  hostname text not null unique,
  machine_id text,
  os text,
  os_version text,
  agent_version text,
  labels jsonb not null default '{}'::jsonb,
  ephemeral_low integer,
  ephemeral_high integer,
  enrolled_at timestamptz not null default now(),
  -- collectedAt of the current snapshot: what staleness is measured against.
  last_seen_at timestamptz,
  current_snapshot_id uuid,
  socket_count integer not null default 0,
  collector jsonb
);
create index hosts_last_seen_at on hosts (last_seen_at);
create index hosts_labels on hosts using gin (labels jsonb_path_ops);
create index hosts_os on hosts (os);

create table host_tokens (
  host_id uuid not null references hosts (host_id) on delete cascade,
  token_id uuid not null,
  -- sha256 of the token, hex; the token itself is never stored.
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (host_id, token_id)
);

create table api_keys (
  key_id uuid primary key,
  name text not null,
  role text not null check (role in ('reader', 'admin')),
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- The ledger of accepted snapshots: idempotency on (host_id, snapshot_id), and the digest that tells a
-- retry from a different snapshot reusing an id. Partitioned like count_history so retention drops both.
create table snapshots (
  host_id uuid not null,
  snapshot_id uuid not null,
  collected_at timestamptz not null,
  received_at timestamptz not null default now(),
  digest text not null,
  current boolean not null,
  primary key (host_id, snapshot_id, collected_at)
) partition by range (collected_at);

-- The counts of each host's current snapshot: what the fleet query reads.
create table current_counts (
  host_id uuid not null,
  state text not null,
  direction text not null,
  port integer not null,
  process text,
  -- A pid seen for this process in the snapshot's socket list, when there was one.
  pid integer,
  count integer not null
);
create index current_counts_state_port on current_counts (state, port, host_id) include (count, direction);
create index current_counts_host on current_counts (host_id);

-- Every snapshot's counts over time, one range partition per day; retention drops whole partitions.
create table count_history (
  host_id uuid not null,
  collected_at timestamptz not null,
  state text not null,
  direction text not null,
  port integer not null,
  process text,
  count integer not null
) partition by range (collected_at);
create index count_history_host_state_port on count_history (host_id, state, port, collected_at);

-- The (capped) socket list of each host's current snapshot, one document per host: written once per
-- snapshot instead of hundreds of rows, and filtered in SQL with jsonb_to_recordset.
create table host_sockets (
  host_id uuid primary key,
  snapshot_id uuid not null,
  collected_at timestamptz not null,
  truncated boolean not null,
  sockets jsonb not null
);
