-- A few numbers from each host's current listeners and destinations, written with them, so that the
-- fleet-wide findings and metrics pick the hosts near a threshold from narrow columns instead of
-- reading every host's jsonb. Null when the snapshot had no listeners (or destinations) to judge.
alter table host_sockets
  -- The highest accept queue over backlog of a listener whose backlog is known (queue / max(1, backlog)).
  add column fullest_listener float8,
  -- The longest accept queue of a listener whose backlog is unknown.
  add column longest_queue bigint,
  -- The most sockets towards one destination (address and port), TIME_WAIT included.
  add column busiest_destination integer,
  -- The most SYN_SENT sockets towards one destination.
  add column busiest_syn_sent integer;
