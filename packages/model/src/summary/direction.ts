import type { Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import { Direction, type PortRange } from './count';
import { inRange } from './ephemeral';

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
