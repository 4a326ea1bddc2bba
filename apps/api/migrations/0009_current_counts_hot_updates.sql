-- current_counts: `count` leaves the fleet query's index, and new pages keep 30% free, so that a changed
-- count or pid is a HOT update (PostgreSQL documentation, 65.7 Heap-Only Tuples): the new row version
-- goes on the same page and no index gets an entry. With `count` in the index every changed count
-- wrote an entry into both indexes, six times the cost of a HOT update and most of ingestion's
-- database time; the fleet query now reads each matching row's count from its page, which costs a
-- few milliseconds over 10,000 hosts (bench/). Pages written before keep their fill until rewritten.
alter table current_counts set (fillfactor = 70);
drop index current_counts_state_port;
create index current_counts_state_port on current_counts (state, port, host_id) include (direction);
