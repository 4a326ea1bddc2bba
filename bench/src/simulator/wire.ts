import {
  capSocketList,
  destinationsOf as modelDestinationsOf,
  listenersOf as modelListenersOf,
  WIRE_LIMITS,
  type PortRange,
  type Socket,
  type SocketList,
  type WireDestination,
  type WireListener,
} from '@tcpfleet/model';

/** At most `max` sockets for the wire, chosen as the agent chooses them; counts are made from all. */
export function socketList(sockets: readonly Socket[], max: number): SocketList {
  return capSocketList(sockets, max);
}

/** LISTEN sockets with their accept queues; the backlog only where the collector reads one (Linux `ss`). */
export function listenersOf(sockets: readonly Socket[], backlogKnown: boolean): WireListener[] {
  return modelListenersOf(sockets, WIRE_LIMITS.maxListeners, backlogKnown ? 'linux-ss' : undefined);
}

/** The busiest remote address and port pairs this host connects to, TIME_WAIT included. */
export function destinationsOf(sockets: readonly Socket[], ephemeralRange: PortRange): WireDestination[] {
  return modelDestinationsOf(sockets, WIRE_LIMITS.maxDestinations, ephemeralRange);
}
