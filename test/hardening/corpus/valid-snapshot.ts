import { Direction, SNAPSHOT_VERSION, TcpState, type SnapshotV1 } from '@tcpfleet/model';
import { uuidv7 } from '../../../apps/api/test/support/snapshots';

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
