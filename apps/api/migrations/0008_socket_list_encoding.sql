-- host_sockets.socket_list now holds the snapshot's body as the agent sent it, compressed as it came
-- (gzip, deflate or br; an uncompressed body is compressed with brotli), so ingestion never compresses
-- a snapshot again; this column names the encoding. Rows written before hold brotli: null reads as br.
alter table host_sockets add column socket_list_encoding text
  check (socket_list_encoding in ('gzip', 'deflate', 'br'));
