import {
  Direction,
  directionOf,
  listeningPortsOf,
  TcpState,
  WIRE_LIMITS,
  type PortRange,
  type Socket,
  type WireDestination,
  type WireListener,
} from '@tcpfleet/model';

/**
 * Listeners with their accept queues, for the API's backlog finding. The backlog is left out:
 * /proc/net/tcp prints tx_queue 0 for a LISTEN socket (get_tcp4_sock in net/ipv4/tcp_ipv4.c),
 * and only `ss`-style sources report sk_max_ack_backlog, as Send-Q.
 */
export function listenersOf(sockets: readonly Socket[]): WireListener[] {
  const listeners: WireListener[] = [];
  for (const socket of sockets) {
    if (socket.state !== TcpState.LISTEN) continue;
    const listener: WireListener = {
      address: socket.localAddress,
      port: socket.localPort,
      acceptQueue: socket.recvQueue ?? 0,
    };
    if (socket.pid !== undefined) listener.pid = socket.pid;
    if (socket.process !== undefined) listener.process = socket.process;
    listeners.push(listener);
  }
  // The fullest queues first, so the cap keeps the listeners that matter.
  return listeners.sort((a, b) => b.acceptQueue - a.acceptQueue).slice(0, WIRE_LIMITS.maxListeners);
}

/**
 * The busiest services this host connects to, with their sockets by state (SYN_SENT, port
 * exhaustion). Only OUTBOUND sockets: inbound clients each come from their own ephemeral port and
 * would crowd out the destinations that matter.
 */
export function destinationsOf(sockets: readonly Socket[], ephemeralRange: PortRange): WireDestination[] {
  const listening = listeningPortsOf(sockets);
  const byPeer = new Map<string, WireDestination>();
  for (const socket of sockets) {
    if (socket.state === TcpState.LISTEN || socket.remotePort === 0) continue;
    if (directionOf(socket, listening, ephemeralRange) !== Direction.OUTBOUND) continue;
    const key = `${socket.remoteAddress}|${socket.remotePort}`;
    let destination = byPeer.get(key);
    if (!destination) {
      destination = { address: socket.remoteAddress, port: socket.remotePort, count: 0, states: {} };
      byPeer.set(key, destination);
    }
    destination.count++;
    destination.states[socket.state] = (destination.states[socket.state] ?? 0) + 1;
  }
  return [...byPeer.values()].sort((a, b) => b.count - a.count).slice(0, WIRE_LIMITS.maxDestinations);
}
