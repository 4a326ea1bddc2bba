import type { Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import { Direction, type PortRange, type SocketCount } from './count';
import { inRange } from './ephemeral';

export interface SummariseOptions {
  /** The host's ephemeral port range. */
  ephemeralRange: PortRange;
  /** Ports this host listens on; when absent, the local ports of the LISTEN sockets given. */
  listeningPorts?: ReadonlySet<number>;
}

/** The ports of the sockets in LISTEN among the given sockets. */
export function listeningPortsOf(sockets: Iterable<Socket>): Set<number> {
  const ports = new Set<number>();
  for (const socket of sockets) if (socket.state === TcpState.LISTEN) ports.add(socket.localPort);
  return ports;
}

/**
 * The direction of a connection (DESIGN.md, "Summariser"): INBOUND when the local port is one this
 * host listens on or, failing that, when the local port is outside the ephemeral range and the
 * remote one inside it; OUTBOUND otherwise.
 */
export function directionOf(
  socket: Pick<Socket, 'localPort' | 'remotePort'>,
  listeningPorts: ReadonlySet<number>,
  ephemeralRange: PortRange,
): Direction {
  if (listeningPorts.has(socket.localPort)) return Direction.INBOUND;
  if (!inRange(socket.localPort, ephemeralRange) && inRange(socket.remotePort, ephemeralRange)) {
    return Direction.INBOUND;
  }
  return Direction.OUTBOUND;
}

/** The service port: the local port of an INBOUND connection, the remote port of an OUTBOUND one. */
export function servicePortOf(
  socket: Pick<Socket, 'localPort' | 'remotePort'>,
  direction: Direction,
): number {
  return direction === Direction.INBOUND ? socket.localPort : socket.remotePort;
}

/**
 * Counts sockets by (state, direction, service port, process). Ephemeral ports never become keys,
 * so the number of rows is bounded by listening ports and destination services, not by connections.
 * Every socket is counted exactly once; rows come sorted by state, direction, port, then process.
 */
export function summarise(sockets: readonly Socket[], options: SummariseOptions): SocketCount[] {
  const listening = options.listeningPorts ?? listeningPortsOf(sockets);
  const rows = new Map<string, SocketCount>();
  for (const socket of sockets) {
    const direction = directionOf(socket, listening, options.ephemeralRange);
    const port = servicePortOf(socket, direction);
    const process = socket.process ?? null;
    const key = `${socket.state}\u0000${direction}\u0000${port}\u0000${process ?? ''}\u0000${process === null ? 0 : 1}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { state: socket.state, direction, port, process, count: 1 });
  }
  return [...rows.values()].sort(compareCounts);
}

function compareCounts(a: SocketCount, b: SocketCount): number {
  return (
    compareText(a.state, b.state) ||
    compareText(a.direction, b.direction) ||
    a.port - b.port ||
    compareText(a.process ?? '', b.process ?? '') ||
    Number(a.process !== null) - Number(b.process !== null)
  );
}

// Plain code-unit order: the same on every machine, unlike localeCompare.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total sockets per state over a list of count rows. */
export function totalsByState(counts: readonly SocketCount[]): Partial<Record<TcpState, number>> {
  const totals: Partial<Record<TcpState, number>> = {};
  for (const row of counts) totals[row.state] = (totals[row.state] ?? 0) + row.count;
  return totals;
}
