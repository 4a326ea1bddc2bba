import type { Socket } from '../socket';
import type { TcpState } from '../states/tcp-state';
import { CountAggregator } from './aggregate';
import type { PortRange, SocketCount } from './count';
import { listeningPortsOf } from './direction';

// Written in direction.ts; still importable from here, as the findings rules do.
export { directionOf, listeningPortsOf, servicePortOf } from './direction';

export interface SummariseOptions {
  /** The host's ephemeral port range. */
  ephemeralRange: PortRange;
  /** Ports this host listens on; when absent, the local ports of the LISTEN sockets given. */
  listeningPorts?: ReadonlySet<number>;
}

/**
 * Counts sockets by (state, direction, service port, process). Ephemeral ports never become keys,
 * so the number of rows is bounded by listening ports and destination services, not by connections.
 * Every socket is counted exactly once; rows come sorted by state, direction, port, then process.
 * `CountAggregator` does the same one socket at a time.
 */
export function summarise(sockets: readonly Socket[], options: SummariseOptions): SocketCount[] {
  const listeningPorts = options.listeningPorts ?? listeningPortsOf(sockets);
  const counts = new CountAggregator({ ephemeralRange: options.ephemeralRange, listeningPorts });
  for (const socket of sockets) counts.add(socket);
  return counts.counts();
}

/** Total sockets per state over a list of count rows. */
export function totalsByState(counts: readonly SocketCount[]): Partial<Record<TcpState, number>> {
  const totals: Partial<Record<TcpState, number>> = {};
  for (const row of counts) totals[row.state] = (totals[row.state] ?? 0) + row.count;
  return totals;
}
