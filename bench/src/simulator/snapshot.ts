import {
  SNAPSHOT_VERSION,
  summarise,
  WIRE_LIMITS,
  type OsName,
  type Socket,
  type SnapshotV1,
} from '@tcpfleet/model';
import type { SimHost } from './fleet';
import { Random } from './random';
import { hostSockets } from './sockets';
import { uuidv7 } from './uuidv7';
import { destinationsOf, listenersOf, socketList } from './wire';

export const SIMULATOR_VERSION = '0.1.0+simulator';

/** The collector a real agent would use on each system, and whether it tells a listener's backlog. */
const COLLECTORS: Readonly<Record<OsName, { source: string; backlog: boolean }>> = {
  linux: { source: 'linux-proc', backlog: true },
  windows: { source: 'powershell-json', backlog: false },
  darwin: { source: 'macos-netstat', backlog: false },
  freebsd: { source: 'freebsd-sockstat', backlog: false },
  illumos: { source: 'illumos-netstat', backlog: false },
};

export interface SnapshotOptions {
  /** Cap on the socket list, like the agent's --max-sockets; counts stay complete. */
  maxSockets?: number;
  /** Add `listeners` and `destinations` (optional in version 1). */
  findings?: boolean;
  /** Add the host's scripted incidents (default true). */
  incidents?: boolean;
}

export interface SimSnapshot {
  snapshot: SnapshotV1;
  /** Every socket the counts were made from, before the cap on the list. */
  sockets: Socket[];
}

/**
 * A host's snapshot of one round, as its agent would send it at `collectedAt`: the same seed, host,
 * round and time give the same snapshot, id included.
 */
export function buildSnapshot(
  host: SimHost,
  round: number,
  collectedAt: Date,
  seed: number,
  options: SnapshotOptions = {},
): SimSnapshot {
  const sockets = hostSockets(host, round, seed, { incidents: options.incidents ?? true });
  const random = Random.of(seed, 'snapshot', host.index, round);
  const list = socketList(sockets, options.maxSockets ?? WIRE_LIMITS.maxSockets);
  const collector = COLLECTORS[host.os];
  const snapshot: SnapshotV1 = {
    version: SNAPSHOT_VERSION,
    id: uuidv7(collectedAt.getTime(), random),
    collectedAt: collectedAt.toISOString(),
    host: {
      hostname: host.hostname,
      os: host.os,
      osVersion: host.osVersion,
      machineId: host.machineId,
      agentVersion: SIMULATOR_VERSION,
      labels: { ...host.labels },
      ephemeralPortRange: { ...host.ephemeralRange },
    },
    collector: {
      source: collector.source,
      // Whole milliseconds: the API accepts no fractions.
      durationMs: Math.round(2 + sockets.length * 0.004 + random.next() * 3),
      socketCount: sockets.length,
      truncated: list.truncated,
      attribution: 'full',
      spoolDropped: 0,
      warnings: [],
    },
    counts: summarise(sockets, { ephemeralRange: host.ephemeralRange }),
    sockets: list.sockets,
  };
  if (options.findings ?? true) {
    snapshot.listeners = listenersOf(sockets, collector.backlog);
    snapshot.destinations = destinationsOf(sockets, host.ephemeralRange);
  }
  return { snapshot, sockets };
}
