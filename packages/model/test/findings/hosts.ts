import {
  Direction,
  TcpState,
  type FindingCount,
  type FindingInput,
  type HistoryPoint,
  type WireDestination,
  type WireListener,
} from '../../src';

const { INBOUND, OUTBOUND } = Direction;

export function count(
  state: TcpState,
  direction: Direction,
  port: number,
  process: string | null,
  n: number,
  pid?: number,
): FindingCount {
  return { state, direction, port, process, count: n, ...(pid === undefined ? {} : { pid }) };
}

export const NOW = new Date('2026-03-02T10:00:00Z');

export function secondsBefore(seconds: number, now: Date = NOW): Date {
  return new Date(now.getTime() - seconds * 1000);
}

/**
 * A busy but healthy web host: nginx terminating TLS on 443 and redirecting 80, a Node.js app on
 * 127.0.0.1:3000 behind it with pools to PostgreSQL and Redis, calls to one outside API, sshd.
 * Each state sits where a sample of such a host normally finds it: a few of every closing state,
 * TIME_WAIT on the side that closes, a connect or two in flight.
 */
export function healthyWebHost(): FindingInput {
  const counts: FindingCount[] = [
    count(TcpState.LISTEN, INBOUND, 22, 'sshd', 1, 801),
    count(TcpState.LISTEN, INBOUND, 80, 'nginx', 2, 1201),
    count(TcpState.LISTEN, INBOUND, 443, 'nginx', 2, 1201),
    count(TcpState.LISTEN, INBOUND, 3000, 'node', 1, 2210),
    count(TcpState.ESTABLISHED, INBOUND, 22, 'sshd', 1, 4410),
    count(TcpState.ESTABLISHED, INBOUND, 80, 'nginx', 38, 1202),
    count(TcpState.ESTABLISHED, INBOUND, 443, 'nginx', 812, 1202),
    count(TcpState.ESTABLISHED, INBOUND, 3000, 'node', 64, 2210),
    count(TcpState.ESTABLISHED, OUTBOUND, 3000, 'nginx', 64, 1202),
    count(TcpState.ESTABLISHED, OUTBOUND, 5432, 'node', 40, 2210),
    count(TcpState.ESTABLISHED, OUTBOUND, 6379, 'node', 20, 2210),
    count(TcpState.ESTABLISHED, OUTBOUND, 443, 'node', 6, 2210),
    count(TcpState.SYN_RECEIVED, INBOUND, 443, null, 4),
    count(TcpState.SYN_SENT, OUTBOUND, 443, 'node', 1, 2210),
    count(TcpState.CLOSE_WAIT, INBOUND, 443, 'nginx', 3, 1202),
    count(TcpState.CLOSE_WAIT, OUTBOUND, 5432, 'node', 1, 2210),
    count(TcpState.FIN_WAIT_1, INBOUND, 443, 'nginx', 5, 1202),
    count(TcpState.FIN_WAIT_2, INBOUND, 443, null, 14),
    count(TcpState.LAST_ACK, INBOUND, 443, 'nginx', 2, 1202),
    count(TcpState.TIME_WAIT, INBOUND, 80, null, 120),
    count(TcpState.TIME_WAIT, INBOUND, 443, null, 340),
    count(TcpState.TIME_WAIT, OUTBOUND, 443, null, 210),
    count(TcpState.TIME_WAIT, OUTBOUND, 5432, null, 30),
  ];
  const listeners: WireListener[] = [
    { address: '0.0.0.0', port: 443, acceptQueue: 2, backlog: 511, process: 'nginx', pid: 1201 },
    { address: '::', port: 443, acceptQueue: 0, backlog: 511, process: 'nginx', pid: 1201 },
    { address: '0.0.0.0', port: 80, acceptQueue: 0, backlog: 511, process: 'nginx', pid: 1201 },
    { address: '::', port: 80, acceptQueue: 0, backlog: 511, process: 'nginx', pid: 1201 },
    { address: '127.0.0.1', port: 3000, acceptQueue: 1, backlog: 511, process: 'node', pid: 2210 },
    { address: '0.0.0.0', port: 22, acceptQueue: 0, backlog: 128, process: 'sshd', pid: 801 },
  ];
  const destinations: WireDestination[] = [
    {
      address: '151.101.1.69',
      port: 443,
      count: 217,
      states: { ESTABLISHED: 6, SYN_SENT: 1, TIME_WAIT: 210 },
    },
    {
      address: '10.0.2.15',
      port: 5432,
      count: 71,
      states: { ESTABLISHED: 40, CLOSE_WAIT: 1, TIME_WAIT: 30 },
    },
    { address: '127.0.0.1', port: 3000, count: 64, states: { ESTABLISHED: 64 } },
    { address: '10.0.2.20', port: 6379, count: 20, states: { ESTABLISHED: 20 } },
  ];
  return {
    now: NOW,
    lastSeenAt: secondsBefore(20),
    staleAfterSeconds: 120,
    ephemeralRange: { low: 32768, high: 60999 },
    os: 'linux',
    counts,
    listeners,
    destinations,
    history: wobblingCloseWait(),
  };
}

// nginx's CLOSE_WAIT on 443 over the last 15 minutes at a 30 s interval: a few, up and down.
function wobblingCloseWait(): HistoryPoint[] {
  const counts = [2, 4, 3, 1, 3, 5, 2, 3, 0, 2, 4, 1, 3, 2, 6, 3, 2, 1, 4, 2, 3, 5, 2, 1, 3, 4, 2, 3, 1, 3];
  return counts.map((n, i) => ({
    at: secondsBefore(30 * (counts.length - 1 - i)),
    state: TcpState.CLOSE_WAIT,
    port: 443,
    direction: INBOUND,
    process: 'nginx',
    count: n,
  }));
}

/** A history series of one key, one point every `stepSeconds`, the last one at NOW. */
export function series(
  key: Omit<HistoryPoint, 'at' | 'count'>,
  counts: readonly number[],
  stepSeconds = 30,
): HistoryPoint[] {
  return counts.map((n, i) => ({
    ...key,
    at: secondsBefore(stepSeconds * (counts.length - 1 - i)),
    count: n,
  }));
}
