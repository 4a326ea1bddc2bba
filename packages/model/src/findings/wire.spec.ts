import { fixture } from '../../test/fixtures/linux/fixture';
import { healthyWebHost } from '../../test/findings/hosts';
import { parseProcNetTcp } from '../parsers/linux/proc-net-tcp';
import { parseSs } from '../parsers/linux/ss';
import type { Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import { DEFAULT_EPHEMERAL_RANGES } from '../summary/ephemeral';
import { summarise } from '../summary/summarise';
import { SNAPSHOT_VERSION, type SnapshotV1 } from '../wire/snapshot';
import { evaluateFindings } from './evaluate';
import { FindingRule } from './finding';
import { destinationsOf, listenersOf, snapshotFindingInput } from './wire';

function socket(local: string, remote: string, state: TcpState, fields: Partial<Socket> = {}): Socket {
  const [localAddress = '', localPort = '0'] = local.split(' ');
  const [remoteAddress = '', remotePort = '0'] = remote.split(' ');
  return {
    family: 'ipv4',
    localAddress,
    localPort: Number(localPort),
    remoteAddress,
    remotePort: Number(remotePort),
    state,
    rawState: state,
    ...fields,
  };
}

const sockets: Socket[] = [
  socket('0.0.0.0 443', '0.0.0.0 0', TcpState.LISTEN),
  socket('10.0.0.1 443', '192.0.2.7 51000', TcpState.ESTABLISHED),
  socket('10.0.0.1 443', '192.0.2.7 51001', TcpState.TIME_WAIT),
  socket('10.0.0.1 22', '192.0.2.9 50000', TcpState.ESTABLISHED),
  socket('10.0.0.1 40001', '10.0.0.5 5432', TcpState.ESTABLISHED),
  socket('10.0.0.1 40002', '10.0.0.5 5432', TcpState.TIME_WAIT),
  socket('10.0.0.1 40003', '10.0.0.5 5432', TcpState.TIME_WAIT),
  socket('10.0.0.1 40004', '10.0.0.6 6379', TcpState.SYN_SENT),
  socket('10.0.0.1 40005', '10.0.0.6 6379', TcpState.ESTABLISHED),
  socket('10.0.0.1 40006', '10.0.0.7 443', TcpState.CLOSE_WAIT),
];

describe('destinationsOf', () => {
  it('counts the sockets towards each remote service by state, busiest first, leaving inbound out', () => {
    expect(destinationsOf(sockets, 10, DEFAULT_EPHEMERAL_RANGES.linux)).toEqual([
      { address: '10.0.0.5', port: 5432, count: 3, states: { ESTABLISHED: 1, TIME_WAIT: 2 } },
      { address: '10.0.0.6', port: 6379, count: 2, states: { SYN_SENT: 1, ESTABLISHED: 1 } },
      { address: '10.0.0.7', port: 443, count: 1, states: { CLOSE_WAIT: 1 } },
    ]);
  });

  it('keeps only the busiest `limit`', () => {
    expect(destinationsOf(sockets, 1, DEFAULT_EPHEMERAL_RANGES.linux).map((d) => d.port)).toEqual([5432]);
    expect(destinationsOf(sockets, 0)).toEqual([]);
  });

  it('without a range, leaves out only connections to listening ports', () => {
    // Port 22 has no LISTEN socket in the list: its peer reads as a destination.
    expect(destinationsOf(sockets).map((d) => `${d.address}:${d.port}`)).toContain('192.0.2.9:50000');
    expect(destinationsOf(sockets).map((d) => d.port)).not.toContain(51000);
  });
});

describe('listenersOf', () => {
  it('reads the backlog from ss, whose Send-Q of a listener is the backlog', () => {
    const listeners = listenersOf(parseSs(fixture('loopback-ss-tanp.txt')).sockets, 100, 'linux-ss');
    // Port 7008: backlog 1, never accepting, two connections queued (capture.ts).
    expect(listeners[0]).toEqual({
      address: '127.0.0.1',
      port: 7008,
      acceptQueue: 2,
      backlog: 1,
      process: 'node',
      pid: 18499,
    });
    expect(listeners.slice(1).every((l) => l.acceptQueue === 0 && l.backlog === 511)).toBe(true);
  });

  it('leaves the backlog out for /proc/net/tcp, which has only the queue', () => {
    const listeners = listenersOf(
      parseProcNetTcp(fixture('loopback-proc-net-tcp.txt')).sockets,
      100,
      'linux-proc',
    );
    expect(listeners[0]).toEqual({ address: '127.0.0.1', port: 7008, acceptQueue: 2 });
    expect(listeners.every((l) => l.backlog === undefined)).toBe(true);
  });

  it('keeps only the fullest `limit`', () => {
    const listeners = listenersOf(parseSs(fixture('loopback-ss-tanp.txt')).sockets, 1, 'linux-ss');
    expect(listeners.map((l) => l.port)).toEqual([7008]);
  });
});

describe('snapshotFindingInput', () => {
  function snapshot(fields: Partial<SnapshotV1>): SnapshotV1 {
    const host = healthyWebHost();
    return {
      version: SNAPSHOT_VERSION,
      id: '0190d5e2-0000-7000-8000-000000000000',
      collectedAt: '2026-03-02T10:00:00.000Z',
      host: {
        hostname: 'web-1',
        os: 'linux',
        osVersion: '6.1.0',
        agentVersion: '0.1.0',
        labels: {},
        ephemeralPortRange: DEFAULT_EPHEMERAL_RANGES.linux,
      },
      collector: {
        source: 'linux-ss',
        durationMs: 1,
        socketCount: 0,
        truncated: false,
        attribution: 'full',
        spoolDropped: 0,
        warnings: [],
      },
      counts: [...host.counts],
      sockets: [],
      ...fields,
    };
  }

  it('finds nothing in a healthy snapshot, and never calls the host silent', () => {
    const host = healthyWebHost();
    expect(
      evaluateFindings(
        snapshotFindingInput(
          snapshot({ listeners: [...(host.listeners ?? [])], destinations: [...(host.destinations ?? [])] }),
        ),
      ),
    ).toEqual([]);
  });

  it('finds what one snapshot shows: the full backlog of the captured ss output', () => {
    const parsed = parseSs(fixture('loopback-ss-tanp.txt')).sockets;
    const range = DEFAULT_EPHEMERAL_RANGES.linux;
    const input = snapshotFindingInput(
      snapshot({
        counts: summarise(parsed, { ephemeralRange: range }),
        listeners: listenersOf(parsed, 100, 'linux-ss'),
        destinations: destinationsOf(parsed, 100, range),
      }),
    );
    const findings = evaluateFindings(input);
    expect(findings.map((f) => [f.rule, f.severity, f.evidence.port, f.evidence.count])).toEqual([
      [FindingRule.LISTEN_BACKLOG_SATURATION, 'critical', 7008, 2],
    ]);
  });
});
