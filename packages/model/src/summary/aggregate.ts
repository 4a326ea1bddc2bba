import type { Socket } from '../socket';
import { TCP_STATES, type TcpState } from '../states/tcp-state';
import { Direction, type PortRange, type SocketCount } from './count';
import { directionOf, servicePortOf } from './direction';
import { compareCounts } from './order';

/** What counting reads of a socket: a whole Socket, or one reused object per row of a scan. */
export interface CountedSocket extends Pick<Socket, 'state' | 'localPort' | 'remotePort'> {
  process?: string | null;
}

export interface CountOptions {
  /** The host's ephemeral port range. */
  ephemeralRange: PortRange;
  /**
   * The ports this host (or this network namespace) listens on. Needed up front: a socket is counted
   * as it comes, so the LISTEN sockets cannot be gathered from the sockets themselves.
   */
  listeningPorts: ReadonlySet<number>;
}

// A number per (state, direction, port): keys built without a string per socket.
const STATE_INDEX = new Map<TcpState, number>(TCP_STATES.map((state, index) => [state, index]));
const keyOf = (state: TcpState, direction: Direction, port: number): number =>
  ((STATE_INDEX.get(state) ?? 0) * 2 + (direction === Direction.INBOUND ? 0 : 1)) * 65536 + port;

/**
 * Counts sockets one at a time by (state, direction, service port, process), with the same rule and
 * the same result as `summarise`, without a list of sockets: a collector can count tens of thousands
 * of rows while keeping only the counts.
 */
export class CountAggregator {
  private readonly rows = new Map<number, Map<string | null, SocketCount>>();
  private total = 0;

  constructor(private readonly options: CountOptions) {}

  /** How many sockets were added. */
  get size(): number {
    return this.total;
  }

  /** Counts one socket and returns its direction. */
  add(socket: CountedSocket): Direction {
    const direction = directionOf(socket, this.options.listeningPorts, this.options.ephemeralRange);
    const port = servicePortOf(socket, direction);
    this.addCount(socket.state, direction, port, socket.process ?? null, 1);
    return direction;
  }

  /** Adds another aggregator's counts, e.g. of another network namespace with its own listeners. */
  merge(other: CountAggregator): this {
    for (const byProcess of other.rows.values()) {
      for (const row of byProcess.values()) {
        this.addCount(row.state, row.direction, row.port, row.process, row.count);
      }
    }
    return this;
  }

  /** The counts, sorted by state, direction, port, then process (null after the names). */
  counts(): SocketCount[] {
    const rows: SocketCount[] = [];
    for (const byProcess of this.rows.values()) for (const row of byProcess.values()) rows.push({ ...row });
    return rows.sort(compareCounts);
  }

  private addCount(
    state: TcpState,
    direction: Direction,
    port: number,
    process: string | null,
    count: number,
  ): void {
    const key = keyOf(state, direction, port);
    let byProcess = this.rows.get(key);
    if (!byProcess) this.rows.set(key, (byProcess = new Map()));
    const row = byProcess.get(process);
    if (row) row.count += count;
    else byProcess.set(process, { state, direction, port, process, count });
    this.total += count;
  }
}
