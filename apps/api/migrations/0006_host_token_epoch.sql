-- One counter, raised in the transaction of every token revocation. Each API replica keeps the hosts of
-- tokens it has checked in memory, looks at this counter at most once a second while it serves pushes,
-- and forgets every token it holds when the counter moved (auth/host-tokens.service.ts): a revocation
-- through any replica takes effect on all of them within a second, without a query per push.
create table host_token_epoch (
  only_row boolean primary key default true check (only_row),
  epoch bigint not null
);
insert into host_token_epoch (epoch) values (0);
