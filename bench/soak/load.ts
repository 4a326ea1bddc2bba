import { gzipSync } from 'node:zlib';
import type { SnapshotV1 } from '@tcpfleet/model';
import { ApiClient } from '../src/simulator/client';
import type { SimHost } from '../src/simulator/fleet';
import { buildSnapshot } from '../src/simulator/snapshot';

/** What one host sent, in the units the database check counts. */
export interface HostSent {
  snapshots: number;
  rows: number;
  sockets: number;
}

export interface LoadOptions {
  server: string;
  hosts: SimHost[];
  tokens: ReadonlyMap<number, string>;
  intervalMs: number;
  seed: number;
  /** Pushes stop being started after this time (ms since the epoch). */
  until: number;
}

export interface LoadResult {
  sent: Map<string, HostSent>;
  /** Every HTTP answer by status, retries included. */
  statuses: Record<string, number>;
  /** Pushes that failed after the client's retries. */
  errors: string[];
  latencies: number[];
}

/** Count rows the API keeps for a snapshot: one per key with a count above zero. */
function rowsOf(snapshot: SnapshotV1): { rows: number; sockets: number } {
  const keys = new Set<string>();
  let sockets = 0;
  for (const c of snapshot.counts) {
    if (c.count === 0) continue;
    keys.add(`${c.state}|${c.direction}|${c.port}|${c.process}`);
    sockets += c.count;
  }
  return { rows: keys.size, sockets };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * The fleet as its agents behave: each host pushes one snapshot per interval on its own schedule,
 * spread evenly over the interval (as the agent's start-up jitter spreads a real fleet), through the
 * simulator's client, which retries 429, 503 and network errors with the same bytes.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { sent: new Map(), statuses: {}, errors: [], latencies: [] };
  const client = new ApiClient(options.server, {
    connections: options.hosts.length,
    onExchange: (_path, exchange) => {
      result.latencies.push(exchange.ms);
      result.statuses[exchange.status] = (result.statuses[exchange.status] ?? 0) + 1;
    },
  });
  const start = Date.now();
  const agent = async (host: SimHost, slot: number): Promise<void> => {
    const tally: HostSent = { snapshots: 0, rows: 0, sockets: 0 };
    result.sent.set(host.hostname, tally);
    for (let round = 0; ; round++) {
      const due = start + slot + round * options.intervalMs;
      if (due >= options.until) return;
      await sleep(due - Date.now());
      const { snapshot } = buildSnapshot(host, round, new Date(), options.seed);
      try {
        await client.pushSnapshot(options.tokens.get(host.index) ?? '', gzipSync(JSON.stringify(snapshot)));
        const { rows, sockets } = rowsOf(snapshot);
        tally.snapshots += 1;
        tally.rows += rows;
        tally.sockets += sockets;
      } catch (error) {
        result.errors.push(`${host.hostname} round ${round}: ${(error as Error).message}`);
      }
    }
  };
  const slots = options.hosts.map((_, i) => Math.floor((i / options.hosts.length) * options.intervalMs));
  await Promise.all(options.hosts.map((host, i) => agent(host, slots[i])));
  client.close();
  return result;
}
