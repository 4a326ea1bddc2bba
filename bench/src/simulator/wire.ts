import {
  directionOf,
  Direction,
  listeningPortsOf,
  TcpState,
  WIRE_LIMITS,
  type PortRange,
  type Socket,
  type WireDestination,
  type WireListener,
  type WireSocket,
} from '@tcpfleet/model';

/**
 * Which sockets a capped list keeps first, as the agent does: listeners and the states an operator asks
 * about, then ordinary traffic, TIME_WAIT last as the most numerous and least telling.
 */
const KEEP_FIRST: readonly TcpState[] = [
  TcpState.LISTEN,
  TcpState.CLOSE_WAIT,
  TcpState.SYN_RECEIVED,
  TcpState.SYN_SENT,
  TcpState.FIN_WAIT_2,
  TcpState.FIN_WAIT_1,
  TcpState.LAST_ACK,
  TcpState.CLOSING,
  TcpState.ESTABLISHED,
];

const rank = (state: TcpState): number => {
  const at = KEEP_FIRST.indexOf(state);
  return at < 0 ? KEEP_FIRST.length : at;
};

/** At most `max` sockets for the wire, the most telling first; counts are made from all of them. */
export function socketList(
  sockets: readonly Socket[],
  max: number,
): { sockets: WireSocket[]; truncated: boolean } {
  const limit = Math.min(max, WIRE_LIMITS.maxSockets);
  const chosen =
    sockets.length <= limit
      ? sockets
      : [...sockets].sort((a, b) => rank(a.state) - rank(b.state)).slice(0, limit);
  return { sockets: chosen.map(toWire), truncated: sockets.length > limit };
}

function toWire(socket: Socket): WireSocket {
  const { rawState: _rawState, inode: _inode, ...wire } = socket;
  return wire;
}

/** LISTEN sockets with their accept queues; the backlog only where the collector reads one (Linux `ss`). */
export function listenersOf(sockets: readonly Socket[], backlogKnown: boolean): WireListener[] {
  const listeners: WireListener[] = [];
  for (const socket of sockets) {
    if (socket.state !== TcpState.LISTEN) continue;
    const listener: WireListener = {
      address: socket.localAddress,
      port: socket.localPort,
      acceptQueue: socket.recvQueue ?? 0,
    };
    if (backlogKnown && socket.sendQueue !== undefined) listener.backlog = socket.sendQueue;
    if (socket.process !== undefined) listener.process = socket.process;
    if (socket.pid !== undefined) listener.pid = socket.pid;
    listeners.push(listener);
    if (listeners.length === WIRE_LIMITS.maxListeners) break;
  }
  return listeners;
}

/** The busiest remote address and port pairs this host connects to, TIME_WAIT included. */
export function destinationsOf(sockets: readonly Socket[], ephemeralRange: PortRange): WireDestination[] {
  const listening = listeningPortsOf(sockets);
  const byRemote = new Map<string, WireDestination>();
  for (const socket of sockets) {
    if (socket.state === TcpState.LISTEN) continue;
    if (directionOf(socket, listening, ephemeralRange) !== Direction.OUTBOUND) continue;
    const key = `${socket.remoteAddress} ${socket.remotePort}`;
    let destination = byRemote.get(key);
    if (!destination) {
      destination = { address: socket.remoteAddress, port: socket.remotePort, count: 0, states: {} };
      byRemote.set(key, destination);
    }
    destination.count += 1;
    destination.states[socket.state] = (destination.states[socket.state] ?? 0) + 1;
  }
  return [...byRemote.values()]
    .sort(
      (a, b) =>
        b.count - a.count || (a.address < b.address ? -1 : a.address > b.address ? 1 : a.port - b.port),
    )
    .slice(0, WIRE_LIMITS.maxDestinations);
}
