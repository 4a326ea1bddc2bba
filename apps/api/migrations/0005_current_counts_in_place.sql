-- current_counts is now brought up to date in place (snapshots/current.writes.ts) instead of deleted
-- and rewritten per snapshot, which kept the fleet query's index full of dead entries. Vacuum it
-- after 2% of its rows changed rather than 20%, so that the visibility map, which the fleet query's
-- index-only scans rely on, catches up within minutes on a busy fleet.
alter table current_counts set (
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_insert_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.05
);
