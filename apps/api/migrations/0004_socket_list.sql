-- Each host's socket list as brotli-compressed JSON (bytea) instead of jsonb. Writing the jsonb made
-- the server parse 40-75 KB per snapshot, most of ingestion's database time, while the list is only
-- ever read whole for one host, then decoded and filtered by the API. Rows written before keep their
-- jsonb (read as before) until the host's next snapshot replaces them.
alter table host_sockets alter column sockets drop not null;
alter table host_sockets add column socket_list bytea;
alter table host_sockets
  add constraint host_sockets_list check (sockets is not null or socket_list is not null);
-- Compressed already: kept out of line as it is, never compressed again by the server.
alter table host_sockets alter column socket_list set storage external;
