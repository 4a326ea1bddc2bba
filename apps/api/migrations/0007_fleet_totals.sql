-- The fleet's history: once a minute the API's rollup job (src/rollup) writes what the headline query
-- sees at that moment, the hosts reporting (not stale) and their sockets per state, so that a chart of
-- the whole fleet reads a few rows a minute instead of every host's count_history. Both tables grow
-- with time, not with the fleet (one bucket a minute, a few dozen rows each), so neither carries the
-- host key; the job deletes buckets past TCPFLEET_RETENTION_DAYS.

-- One row per bucket taken. Its insert claims the bucket: replicas running the same job meet on the
-- primary key and only the first writes the bucket's totals (insert ... on conflict do nothing).
create table fleet_buckets (
  bucket timestamptz primary key,
  -- Hosts reporting when the bucket was taken, with or without sockets.
  hosts integer not null
);

-- Sockets per state of the bucket's reporting hosts, per direction (INBOUND, OUTBOUND) and for both
-- together (ANY), which keeps `hosts` a count of distinct hosts whichever way it is read. A state
-- without sockets has no row: zero.
create table fleet_totals (
  bucket timestamptz not null,
  state text not null,
  direction text not null,
  sockets bigint not null,
  -- Hosts with at least one socket in this state and direction.
  hosts integer not null,
  primary key (bucket, state, direction)
);
