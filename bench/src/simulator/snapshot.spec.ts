import { isIP } from 'node:net';
import {
  Direction,
  isTcpState,
  summarise,
  TcpState,
  WIRE_LIMITS,
  type Socket,
  type SnapshotV1,
  type SocketCount,
} from '@tcpfleet/model';
import { buildFleet, type SimHost } from './fleet';
import { assignIncidents, flowTo, incidentSize, INCIDENTS, type IncidentName } from './incidents';
import { primaryAddress } from './peers';
import { profileOf } from './roles';
import { buildSnapshot } from './snapshot';
import { UUID_V7 } from './uuidv7';

const SEED = 7;
const AT = new Date('2026-11-21T10:00:00.000Z');

function fleet(size = 60, seed = SEED): SimHost[] {
  const hosts = buildFleet(size, seed);
  assignIncidents(hosts, INCIDENTS, seed);
  return hosts;
}

const fleet60 = fleet();
const withIncident = (name: IncidentName): SimHost => fleet60.find((host) => host.incidents.includes(name))!;

function countOf(
  counts: SocketCount[],
  state: TcpState,
  direction: Direction,
  port: number,
  process: string | null,
) {
  return counts
    .filter(
      (row) =>
        row.state === state && row.direction === direction && row.port === port && row.process === process,
    )
    .reduce((sum, row) => sum + row.count, 0);
}

function expectWithinLimits(snapshot: SnapshotV1, cap: number): void {
  expect(snapshot.version).toBe(1);
  expect(snapshot.id).toMatch(UUID_V7);
  expect(new Date(snapshot.collectedAt).toISOString()).toBe(snapshot.collectedAt);
  const { host, collector } = snapshot;
  expect(host.hostname.length).toBeLessThanOrEqual(WIRE_LIMITS.maxHostnameLength);
  expect(host.hostname).toMatch(/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/);
  expect(Object.keys(host.labels).length).toBeLessThanOrEqual(WIRE_LIMITS.maxLabels);
  expect(host.ephemeralPortRange.low).toBeLessThanOrEqual(host.ephemeralPortRange.high);
  expect(Number.isInteger(collector.durationMs)).toBe(true);
  expect(snapshot.counts.length).toBeLessThanOrEqual(WIRE_LIMITS.maxCounts);
  expect(snapshot.sockets.length).toBeLessThanOrEqual(Math.min(cap, WIRE_LIMITS.maxSockets));
  expect(collector.truncated).toBe(collector.socketCount > snapshot.sockets.length);
  expect(snapshot.listeners!.length).toBeLessThanOrEqual(WIRE_LIMITS.maxListeners);
  expect(snapshot.destinations!.length).toBeLessThanOrEqual(WIRE_LIMITS.maxDestinations);
  expect(socketProblems(snapshot)).toEqual([]);
}

/** What is wrong with the sockets of a snapshot, collected (one expect per socket would be slow). */
function socketProblems(snapshot: SnapshotV1): string[] {
  const problems: string[] = [];
  const version = (family: string) => (family === 'ipv4' ? 4 : 6);
  snapshot.sockets.forEach((socket, i) => {
    if (!isTcpState(socket.state)) problems.push(`${i}: state ${socket.state}`);
    if (isIP(socket.localAddress) !== version(socket.family))
      problems.push(`${i}: local ${socket.localAddress}`);
    if (isIP(socket.remoteAddress) !== version(socket.family))
      problems.push(`${i}: remote ${socket.remoteAddress}`);
    for (const port of [socket.localPort, socket.remotePort]) {
      if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`${i}: port ${port}`);
    }
    if ((socket.process ?? '').length > WIRE_LIMITS.maxProcessNameLength) problems.push(`${i}: process name`);
    if ('rawState' in socket) problems.push(`${i}: rawState is not a wire field`);
  });
  return problems;
}

describe('buildSnapshot', () => {
  it('stays inside the wire limits for every host, round and cap', () => {
    for (const host of fleet60) {
      for (const round of [0, 3]) {
        for (const cap of [200, WIRE_LIMITS.maxSockets]) {
          expectWithinLimits(buildSnapshot(host, round, AT, SEED, { maxSockets: cap }).snapshot, cap);
        }
      }
    }
  });

  it('looks like an ordinary host: about 30 count rows and 200 sockets', () => {
    const quiet = fleet60.filter((host) => host.incidents.length === 0);
    const built = quiet.map((host) => buildSnapshot(host, 0, AT, SEED).snapshot);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(built.map((snapshot) => snapshot.counts.length))).toBeGreaterThan(20);
    expect(mean(built.map((snapshot) => snapshot.counts.length))).toBeLessThan(40);
    expect(mean(built.map((snapshot) => snapshot.sockets.length))).toBeGreaterThan(150);
    expect(mean(built.map((snapshot) => snapshot.sockets.length))).toBeLessThan(300);
  });

  it('sends counts that summarise the sockets sent, every socket counted once', () => {
    for (const host of fleet60) {
      const { snapshot, sockets } = buildSnapshot(host, 1, AT, SEED);
      const total = snapshot.counts.reduce((sum, row) => sum + row.count, 0);
      expect(total).toBe(snapshot.collector.socketCount);
      expect(sockets.length).toBe(snapshot.collector.socketCount);
      if (!snapshot.collector.truncated) {
        const fromWire: Socket[] = snapshot.sockets.map((socket) => ({ ...socket, rawState: socket.state }));
        expect(snapshot.counts).toEqual(summarise(fromWire, { ephemeralRange: host.ephemeralRange }));
      }
    }
  });

  it('lists the LISTEN sockets as listeners and each destination with its states', () => {
    for (const host of fleet60) {
      const { snapshot, sockets } = buildSnapshot(host, 0, AT, SEED);
      const listening = sockets.filter((socket) => socket.state === TcpState.LISTEN);
      // The same sockets; the list comes fullest accept queue first, so compare as sets.
      expect(snapshot.listeners!.map((l) => `${l.address} ${l.port}`).sort()).toEqual(
        listening.map((s) => `${s.localAddress} ${s.localPort}`).sort(),
      );
      const outbound = snapshot.counts.filter((row) => row.direction === Direction.OUTBOUND);
      const outboundTotal = outbound.reduce((sum, row) => sum + row.count, 0);
      const listed = snapshot.destinations!.reduce((sum, d) => sum + d.count, 0);
      expect(listed).toBeLessThanOrEqual(outboundTotal);
      for (const destination of snapshot.destinations!) {
        const byState = Object.values(destination.states).reduce((sum, n) => sum + (n ?? 0), 0);
        expect(byState).toBe(destination.count);
      }
    }
  });

  it('is the same for the same seed and time, and differs with another seed', () => {
    const host = withIncident('close-wait-leak');
    const again = fleet().find((other) => other.index === host.index)!;
    expect(buildSnapshot(again, 2, AT, SEED)).toEqual(buildSnapshot(host, 2, AT, SEED));
    expect(fleet(60, SEED)).toEqual(fleet60);
    const other = fleet(60, SEED + 1);
    expect(other.map((h) => h.os)).not.toEqual(fleet60.map((h) => h.os));
    expect(buildSnapshot(host, 2, AT, SEED + 1).snapshot.counts).not.toEqual(
      buildSnapshot(host, 2, AT, SEED).snapshot.counts,
    );
  });
});

describe('scripted incidents', () => {
  /** The count at a key with the incident minus the same host's count without it. */
  function added(host: SimHost, round: number, key: [TcpState, Direction, number, string | null]): number {
    const withIt = buildSnapshot(host, round, AT, SEED).snapshot.counts;
    const without = buildSnapshot(host, round, AT, SEED, { incidents: false }).snapshot.counts;
    return countOf(withIt, ...key) - countOf(without, ...key);
  }

  it('leaks CLOSE_WAIT towards :443 in one process, past 100 at once and growing every round', () => {
    const host = withIncident('close-wait-leak');
    const { process } = flowTo(profileOf(host.role, host.os), 'upstream');
    const sizes = [0, 1, 2, 5].map((round) => incidentSize(host, 'close-wait-leak', round, SEED));
    expect(sizes[0]).toBeGreaterThan(100);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]);
    [0, 1, 2, 5].forEach((round, i) => {
      expect(added(host, round, [TcpState.CLOSE_WAIT, Direction.OUTBOUND, 443, process])).toBe(sizes[i]);
    });
  });

  it('floods :443 with SYN_RECEIVED that no process owns', () => {
    const host = withIncident('syn-flood');
    const size = incidentSize(host, 'syn-flood', 3, SEED);
    expect(size).toBeGreaterThanOrEqual(400);
    expect(added(host, 3, [TcpState.SYN_RECEIVED, Direction.INBOUND, 443, null])).toBe(size);
  });

  it('piles TIME_WAIT up towards one database address, bounded by the ephemeral range', () => {
    const host = withIncident('time-wait-pile');
    const { port } = flowTo(profileOf(host.role, host.os), 'db');
    expect(added(host, 2, [TcpState.TIME_WAIT, Direction.OUTBOUND, port, null])).toBe(
      incidentSize(host, 'time-wait-pile', 2, SEED),
    );
    const top = buildSnapshot(host, 2, AT, SEED).snapshot.destinations![0];
    expect(top).toMatchObject({ address: primaryAddress('db', host.regionIndex), port });
    expect(top.states.TIME_WAIT).toBeGreaterThanOrEqual(incidentSize(host, 'time-wait-pile', 2, SEED));
    const { low, high } = host.ephemeralRange;
    expect(incidentSize(host, 'time-wait-pile', 1000, SEED)).toBeLessThan(high - low + 1);
  });

  it('leaves the headline query to the leaking hosts: nobody else has 100 CLOSE_WAIT on :443', () => {
    for (const host of fleet60) {
      const counts = buildSnapshot(host, 4, AT, SEED).snapshot.counts;
      const closeWait = counts
        .filter((row) => row.state === TcpState.CLOSE_WAIT && row.port === 443)
        .reduce((sum, row) => sum + row.count, 0);
      expect(closeWait > 100).toBe(host.incidents.includes('close-wait-leak'));
    }
  });
});
