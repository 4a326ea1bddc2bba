import { inbound, listen, loopback, outbound, profile, type Profile } from './profile';

/*
 * Backlogs as each program asks for them: nginx NGX_LISTEN_BACKLOG 511 (src/os/unix/ngx_linux_config.h),
 * OpenSSH SSH_LISTEN_BACKLOG 128 (sshd.c), Tomcat acceptCount 100 (Tomcat HTTP connector reference), Go's
 * net package asks for somaxconn, 4096 since Linux 5.4 (include/linux/socket.h SOMAXCONN), PostgreSQL
 * 2 * max_connections = 200 (src/backend/libpq/pqcomm.c), pgbouncer listen_backlog 128 (pgbouncer.ini
 * reference), redis tcp-backlog 511 (redis.conf), memcached -b 1024 (memcached.c settings.backlog).
 */
const base: Profile = {
  listeners: [
    listen(22, 'sshd', 128, true),
    listen(9100, 'node_exporter', 4096),
    listen(8301, 'consul', 4096),
  ],
  flows: [
    inbound(22, 'sshd', 'admin', { ESTABLISHED: 1 }),
    inbound(9100, 'node_exporter', 'monitor', { ESTABLISHED: 1, TIME_WAIT: 1 }),
    inbound(8301, 'consul', 'fleet', { ESTABLISHED: 3 }),
    outbound(8300, 'consul', 'consul', { ESTABLISHED: 1 }),
    outbound(24224, 'fluent-bit', 'logs', { ESTABLISHED: 1, TIME_WAIT: 1 }),
  ],
};

export const web = profile(
  base,
  [listen(80, 'nginx', 511, true), listen(443, 'nginx', 511, true), listen(8080, 'java', 100)],
  [
    inbound(443, 'nginx', 'internet', {
      ESTABLISHED: 70,
      TIME_WAIT: 25,
      FIN_WAIT_2: 3,
      FIN_WAIT_1: 1,
      CLOSE_WAIT: 2,
      LAST_ACK: 1,
      SYN_RECEIVED: 1,
    }),
    inbound(80, 'nginx', 'internet', { ESTABLISHED: 8, TIME_WAIT: 6 }),
    loopback(8080, 'nginx', 'java', { ESTABLISHED: 30, TIME_WAIT: 10 }),
    outbound(5432, 'java', 'db', { ESTABLISHED: 20, TIME_WAIT: 2 }),
    outbound(6379, 'java', 'cache', { ESTABLISHED: 8 }),
    outbound(9092, 'java', 'broker', { ESTABLISHED: 4 }),
    outbound(443, 'java', 'upstream', { ESTABLISHED: 6, TIME_WAIT: 4, CLOSE_WAIT: 1 }),
  ],
);

export const db = profile(
  base,
  [
    listen(5432, 'postgres', 200, true),
    listen(6432, 'pgbouncer', 128),
    listen(9187, 'postgres_exporter', 4096),
  ],
  [
    inbound(6432, 'pgbouncer', 'fleet', { ESTABLISHED: 90, TIME_WAIT: 8, FIN_WAIT_2: 1 }),
    loopback(5432, 'pgbouncer', 'postgres', { ESTABLISHED: 25 }),
    inbound(5432, 'postgres', 'fleet', { ESTABLISHED: 20, TIME_WAIT: 3, CLOSE_WAIT: 1 }),
    inbound(9187, 'postgres_exporter', 'monitor', { ESTABLISHED: 1 }),
    outbound(443, 'pgbackrest', 'storage', { ESTABLISHED: 2, TIME_WAIT: 6 }),
    outbound(5432, 'postgres', 'db', { ESTABLISHED: 1 }),
  ],
);

export const cache = profile(
  base,
  [
    listen(6379, 'redis-server', 511, true),
    listen(26379, 'redis-sentinel', 511),
    listen(11211, 'memcached', 1024),
  ],
  [
    inbound(6379, 'redis-server', 'fleet', { ESTABLISHED: 100, TIME_WAIT: 15, CLOSE_WAIT: 1 }),
    inbound(26379, 'redis-sentinel', 'cache', { ESTABLISHED: 4 }),
    outbound(26379, 'redis-sentinel', 'cache', { ESTABLISHED: 2 }),
    inbound(11211, 'memcached', 'fleet', { ESTABLISHED: 40, TIME_WAIT: 10, CLOSE_WAIT: 1, FIN_WAIT_2: 1 }),
    outbound(6379, 'redis-server', 'cache', { ESTABLISHED: 1 }),
  ],
);

export const batch = profile(
  base,
  [listen(4040, 'java', 4096)],
  [
    outbound(5432, 'python3', 'db', { ESTABLISHED: 15, TIME_WAIT: 20 }),
    outbound(6379, 'python3', 'cache', { ESTABLISHED: 5 }),
    outbound(443, 'python3', 'storage', { ESTABLISHED: 30, TIME_WAIT: 60, SYN_SENT: 1 }),
    outbound(443, 'python3', 'upstream', { ESTABLISHED: 4, TIME_WAIT: 8, FIN_WAIT_2: 1 }),
    outbound(9092, 'java', 'broker', { ESTABLISHED: 24, TIME_WAIT: 2, CLOSE_WAIT: 1 }),
    inbound(4040, 'java', 'admin', { ESTABLISHED: 1 }),
  ],
);
