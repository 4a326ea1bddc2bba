import {
  DEFAULT_EPHEMERAL_RANGES,
  Direction,
  evaluateFindings,
  FindingRule,
  snapshotFindingInput,
  TcpState,
  type SnapshotV1,
  type SocketCount,
} from '@tcpfleet/model';
import { humanReport } from './human';

/** A snapshot as the agent would take it on a host with the given counts and collector facts. */
function snapshot(counts: SocketCount[], collector: Partial<SnapshotV1['collector']> = {}): SnapshotV1 {
  return {
    version: 1,
    id: '0190a6f0-0000-7000-8000-000000000000',
    collectedAt: '2026-11-21T10:00:00.000Z',
    host: {
      hostname: 'web-1',
      os: 'linux',
      osVersion: '6.18.0',
      agentVersion: '0.1.0',
      labels: {},
      ephemeralPortRange: DEFAULT_EPHEMERAL_RANGES.linux,
    },
    collector: {
      source: 'linux-proc',
      durationMs: 12,
      socketCount: counts.reduce((sum, row) => sum + row.count, 0),
      truncated: false,
      attribution: 'full',
      spoolDropped: 0,
      warnings: [],
      ...collector,
    },
    counts,
    sockets: [],
    listeners: [],
    destinations: [],
  };
}

const count = (state: TcpState, port: number, n: number, process: string | null = 'java'): SocketCount => ({
  state,
  direction: Direction.INBOUND,
  port,
  process,
  count: n,
});

describe('the once report', () => {
  it('shows each finding the model computes from the snapshot: severity, title, explanation, next step', () => {
    const leaking = snapshot([count(TcpState.LISTEN, 443, 1), count(TcpState.CLOSE_WAIT, 443, 150)]);
    const findings = evaluateFindings(snapshotFindingInput(leaking));
    expect(findings.map((f) => f.rule)).toEqual([FindingRule.CLOSE_WAIT_LEAK]);
    const report = humanReport(leaking);
    const [finding] = findings;
    expect(report).toContain(`! WARNING ${finding?.title}`);
    expect(report).toContain(`    ${finding?.explanation}`);
    expect(report).toContain(`    Next: ${finding?.nextStep}`);
    expect(report).not.toContain('Nothing abnormal.');
  });

  it('says nothing is abnormal on a healthy host, and keeps the collector notes', () => {
    const healthy = snapshot([count(TcpState.LISTEN, 443, 1), count(TcpState.ESTABLISHED, 443, 40)], {
      attribution: 'partial',
      spoolDropped: 3,
      warnings: ['network namespace 4026532200: no process left to read its sockets through'],
    });
    expect(evaluateFindings(snapshotFindingInput(healthy))).toEqual([]);
    const report = humanReport(healthy);
    expect(report).toContain('Nothing abnormal.');
    expect(report).toMatch(/^Notes:$/m);
    expect(report).toMatch(/^ {2}- process attribution is partial: run as root/m);
    expect(report).toMatch(/^ {2}- 3 snapshots were dropped from a full spool$/m);
    expect(report).toMatch(/^ {2}- collector: network namespace 4026532200: no process left/m);
  });

  it('prints no notes when the collection was complete', () => {
    expect(humanReport(snapshot([count(TcpState.LISTEN, 22, 1, 'sshd')]))).not.toContain('Notes:');
  });
});
