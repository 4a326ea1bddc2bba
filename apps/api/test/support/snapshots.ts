import {
  Direction,
  SNAPSHOT_VERSION,
  TcpState,
  type SnapshotV1,
  type PortRange,
  type SocketCount,
  type WireDestination,
  type WireListener,
  type WireSocket,
} from '@tcpfleet/model';
import { randomBytes } from 'node:crypto';

/** A UUIDv7 (RFC 9562 section 5.7) for the given time. */
export function uuidv7(at = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function count(
  state: TcpState,
  port: number,
  process: string | null,
  n: number,
  direction = Direction.INBOUND,
): SocketCount {
  return { state, direction, port, process, count: n };
}

export function socket(
  state: TcpState,
  localPort: number,
  remotePort: number,
  pid?: number,
  process?: string,
): WireSocket {
  return {
    family: 'ipv4',
    localAddress: '10.0.0.1',
    localPort,
    remoteAddress: '10.0.0.2',
    remotePort,
    state,
    recvQueue: 0,
    sendQueue: 0,
    ...(pid === undefined ? {} : { pid }),
    ...(process === undefined ? {} : { process }),
  };
}

export interface SnapshotOptions {
  hostname: string;
  counts: SocketCount[];
  sockets?: WireSocket[];
  collectedAt?: Date;
  labels?: Record<string, string>;
  os?: SnapshotV1['host']['os'];
  id?: string;
  ephemeralPortRange?: PortRange;
  listeners?: WireListener[];
  destinations?: WireDestination[];
}

/** A complete, valid snapshot built from the wire types. */
export function snapshot(options: SnapshotOptions): SnapshotV1 {
  const collectedAt = options.collectedAt ?? new Date();
  const sockets = options.sockets ?? [];
  return {
    version: SNAPSHOT_VERSION,
    id: options.id ?? uuidv7(collectedAt.getTime()),
    collectedAt: collectedAt.toISOString(),
    host: {
      hostname: options.hostname,
      os: options.os ?? 'linux',
      osVersion: '6.1.0-test',
      agentVersion: '0.1.0',
      labels: options.labels ?? {},
      ephemeralPortRange: options.ephemeralPortRange ?? { low: 32768, high: 60999 },
    },
    collector: {
      source: 'linux-proc',
      durationMs: 3,
      socketCount: options.counts.reduce((sum, c) => sum + c.count, 0),
      truncated: false,
      attribution: 'full',
      spoolDropped: 0,
      warnings: [],
    },
    counts: options.counts,
    sockets,
    ...(options.listeners ? { listeners: options.listeners } : {}),
    ...(options.destinations ? { destinations: options.destinations } : {}),
  };
}
