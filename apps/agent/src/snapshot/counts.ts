import {
  CountAggregator,
  DestinationAggregator,
  TcpState,
  WIRE_LIMITS,
  type PortRange,
  type SocketCount,
  type WireDestination,
} from '@tcpfleet/model';
import type { SocketTable } from '../collect/socket_table';

export interface TableCounts {
  counts: SocketCount[];
  destinations: WireDestination[];
}

/**
 * Counts and top destinations of a socket table, row by row without a Socket object per row.
 * Each network namespace is counted with its own listening ports (a container listening on 5432
 * makes 5432 a service port inside its namespace only), then the namespaces are merged.
 */
export function countTable(sockets: SocketTable, ephemeralRange: PortRange): TableCounts {
  const listening = Array.from({ length: sockets.namespaceCount }, () => new Set<number>());
  for (let i = 0; i < sockets.size; i++) {
    if (sockets.state(i) === TcpState.LISTEN) listening[sockets.namespace(i)].add(sockets.localPort(i));
  }
  const counts = listening.map((listeningPorts) => new CountAggregator({ ephemeralRange, listeningPorts }));
  const destinations = new DestinationAggregator();
  // One object refilled per row; the aggregators read it and keep nothing of it.
  const row = {
    state: TcpState.UNKNOWN,
    localPort: 0,
    remotePort: 0,
    remoteAddress: '',
    process: '' as string | undefined,
  };
  for (let i = 0; i < sockets.size; i++) {
    row.state = sockets.state(i);
    row.localPort = sockets.localPort(i);
    row.remotePort = sockets.remotePort(i);
    row.remoteAddress = sockets.remoteAddress(i);
    row.process = sockets.process(i);
    destinations.add(row, counts[sockets.namespace(i)].add(row));
  }
  const [all, ...others] = counts;
  for (const other of others) all.merge(other);
  return { counts: all.counts(), destinations: destinations.destinations(WIRE_LIMITS.maxDestinations) };
}
