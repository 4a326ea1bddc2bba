-- The listeners (with their accept queues) and the busiest destinations of each host's current
-- snapshot, kept beside its socket list and replaced with it; the findings read them. Null when the
-- agent did not report them (agents before these fields).
alter table host_sockets
  add column listeners jsonb,
  add column destinations jsonb;
