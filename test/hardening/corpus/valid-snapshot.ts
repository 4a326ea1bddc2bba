import { Direction, SNAPSHOT_VERSION, TcpState, type SnapshotV1 } from '@tcpfleet/model';
import { randomBytes } from 'node:crypto';

/** A UUIDv7 (RFC 9562, section 5.7) for now. */
export function uuidv7(at = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A small, complete and valid snapshot: the starting point every bad case spoils in one place. */
export function validSnapshot(hostname: string, labels: Record<string, string> = {}): SnapshotV1 {
  return {
    version: SNAPSHOT_VERSION,
    id: uuidv7(),
    collectedAt: new Date().toISOString(),
    host: {
      hostname,
      os: 'linux',
      osVersion: '6.1.0-corpus',
      machineId: 'corpus-machine-1',
      agentVersion: '0.1.0',
      labels,
      ephemeralPortRange: { low: 32768, high: 60999 },
    },
    collector: {
      source: 'linux-proc',
      durationMs: 2,
      socketCount: 3,
      truncated: false,
      attribution: 'full',
      spoolDropped: 0,
      warnings: [],
    },
    counts: [
      { state: TcpState.LISTEN, direction: Direction.INBOUND, port: 443, process: 'nginx', count: 1 },
      { state: TcpState.ESTABLISHED, direction: Direction.INBOUND, port: 443, process: 'nginx', count: 2 },
    ],
    sockets: [
      {
        family: 'ipv4',
        localAddress: '10.0.0.1',
        localPort: 443,
        remoteAddress: '10.0.0.2',
        remotePort: 40000,
        state: TcpState.ESTABLISHED,
        pid: 100,
        process: 'nginx',
      },
    ],
  };
}
