import type { FormatName, Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import type { PortRange } from '../summary/count';
import { DestinationAggregator } from '../summary/destinations';
import { directionOf, listeningPortsOf } from '../summary/summarise';
import { WIRE_LIMITS, type SnapshotV1, type WireDestination, type WireListener } from '../wire/snapshot';
import type { FindingInput } from './finding';

/**
 * The formats whose Send-Q of a LISTEN socket is the backlog: iproute2 `ss` (tcp_diag_get_info()
 * in net/ipv4/tcp_diag.c reports sk_max_ack_backlog as the write queue of a listener).
 * `/proc/net/tcp` prints the send queue of a listener, always 0, so its backlog stays unknown.
 */
const BACKLOG_IN_SEND_QUEUE: ReadonlySet<FormatName> = new Set(['linux-ss']);

/**
 * The remote address and port pairs this host connects to, with every socket towards each (TIME_WAIT
 * included) by state, busiest first, at most `limit`. Connections into this host's own services
 * are left out: their remote ports are the peers' ephemeral ports, not services. Which those are
 * follows summarise's direction rule; without a range, only the listening ports decide.
 */
export function destinationsOf(
  sockets: readonly Socket[],
  limit: number = WIRE_LIMITS.maxDestinations,
  ephemeralRange?: PortRange,
): WireDestination[] {
  const listening = listeningPortsOf(sockets);
  const range = ephemeralRange ?? { low: 1, high: 0 };
  const destinations = new DestinationAggregator();
  for (const socket of sockets) destinations.add(socket, directionOf(socket, listening, range));
  return destinations.destinations(limit);
}

/**
 * The LISTEN sockets with their accept queues, the fullest first, at most `limit`. The backlog is
 * set only when the sockets come from a format that reports it (see BACKLOG_IN_SEND_QUEUE).
 */
export function listenersOf(
  sockets: readonly Socket[],
  limit: number = WIRE_LIMITS.maxListeners,
  format?: FormatName,
): WireListener[] {
  const withBacklog = format !== undefined && BACKLOG_IN_SEND_QUEUE.has(format);
  const listeners: WireListener[] = [];
  for (const socket of sockets) {
    if (socket.state !== TcpState.LISTEN) continue;
    listeners.push({
      address: socket.localAddress,
      port: socket.localPort,
      acceptQueue: socket.recvQueue ?? 0,
      ...(withBacklog && socket.sendQueue !== undefined ? { backlog: socket.sendQueue } : {}),
      ...(socket.process === undefined ? {} : { process: socket.process }),
      ...(socket.pid === undefined ? {} : { pid: socket.pid }),
    });
  }
  return listeners
    .sort(
      (a, b) =>
        fill(b) - fill(a) ||
        b.acceptQueue - a.acceptQueue ||
        a.port - b.port ||
        compareText(a.address, b.address),
    )
    .slice(0, Math.max(0, limit));
}

// The share of the backlog in use, or the bare queue when the backlog is unknown; the sockets of one
// collection come from one format, so either all listeners have a backlog or none has.
function fill(listener: WireListener): number {
  return listener.backlog === undefined
    ? listener.acceptQueue
    : listener.acceptQueue / Math.max(1, listener.backlog);
}

/**
 * The input for one snapshot on its own, as `tcpfleet-agent once` has it: the host counts as seen
 * when the snapshot was taken, and there is no history, so only thresholds (no trends) apply.
 */
export function snapshotFindingInput(snapshot: SnapshotV1): FindingInput {
  const at = new Date(snapshot.collectedAt);
  return {
    now: at,
    lastSeenAt: at,
    staleAfterSeconds: Number.MAX_SAFE_INTEGER,
    ephemeralRange: snapshot.host.ephemeralPortRange,
    os: snapshot.host.os,
    counts: snapshot.counts,
    ...(snapshot.listeners ? { listeners: snapshot.listeners } : {}),
    ...(snapshot.destinations ? { destinations: snapshot.destinations } : {}),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
