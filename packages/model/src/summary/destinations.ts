import type { Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import { WIRE_LIMITS, type WireDestination } from '../wire/snapshot';
import { compareText } from './order';
import { Direction } from './count';

export type DestinationSocket = Pick<Socket, 'state' | 'remoteAddress' | 'remotePort'>;

/**
 * Sockets towards each remote address and port this host connects to, by state, one socket at a
 * time: the streaming form of the findings' `destinationsOf`, with the same rule and order. Only
 * OUTBOUND sockets count (inbound peers connect from their own ephemeral ports, which are not
 * services); keyed by address, then port, so no key string is built per socket.
 */
export class DestinationAggregator {
  private readonly byAddress = new Map<string, Map<number, WireDestination>>();

  /** Counts one socket, given its direction (what `CountAggregator.add` returns). */
  add(socket: DestinationSocket, direction: Direction): void {
    if (direction !== Direction.OUTBOUND) return;
    if (socket.state === TcpState.LISTEN || socket.remotePort === 0) return;
    this.addCount(socket.remoteAddress, socket.remotePort, socket.state, 1);
  }

  /** Adds another aggregator's destinations, e.g. of another network namespace. */
  merge(other: DestinationAggregator): this {
    for (const byPort of other.byAddress.values()) {
      for (const destination of byPort.values()) {
        for (const [state, count] of Object.entries(destination.states) as [TcpState, number][]) {
          this.addCount(destination.address, destination.port, state, count);
        }
      }
    }
    return this;
  }

  /** The busiest destinations first (then by address and port), at most `limit`. */
  destinations(limit: number = WIRE_LIMITS.maxDestinations): WireDestination[] {
    const all: WireDestination[] = [];
    for (const byPort of this.byAddress.values())
      for (const destination of byPort.values()) all.push(destination);
    return all
      .sort((a, b) => b.count - a.count || compareText(a.address, b.address) || a.port - b.port)
      .slice(0, Math.max(0, limit))
      .map((destination) => ({ ...destination, states: { ...destination.states } }));
  }

  private addCount(address: string, port: number, state: TcpState, count: number): void {
    let byPort = this.byAddress.get(address);
    if (!byPort) this.byAddress.set(address, (byPort = new Map()));
    let destination = byPort.get(port);
    if (!destination) byPort.set(port, (destination = { address, port, count: 0, states: {} }));
    destination.count += count;
    destination.states[state] = (destination.states[state] ?? 0) + count;
  }
}
