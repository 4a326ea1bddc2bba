import fc from 'fast-check';
import type { Socket } from '../socket';
import { TCP_STATES, TcpState } from '../states/tcp-state';
import { Direction } from './count';
import { DEFAULT_EPHEMERAL_RANGES } from './ephemeral';
import { directionOf, listeningPortsOf, summarise, totalsByState } from './summarise';

const linux = DEFAULT_EPHEMERAL_RANGES.linux;

function socket(fields: Partial<Socket>): Socket {
  return {
    family: 'ipv4',
    localAddress: '10.0.0.1',
    localPort: 0,
    remoteAddress: '0.0.0.0',
    remotePort: 0,
    state: TcpState.ESTABLISHED,
    rawState: '01',
    ...fields,
  };
}

describe('directionOf', () => {
  it('calls a connection to a port this host listens on INBOUND', () => {
    expect(directionOf({ localPort: 443, remotePort: 51000 }, new Set([443]), linux)).toBe(Direction.INBOUND);
  });

  it('prefers the listening set over the port ranges', () => {
    // Local 40000 is ephemeral, but this host listens there: a service on a high port.
    expect(directionOf({ localPort: 40000, remotePort: 41000 }, new Set([40000]), linux)).toBe(
      Direction.INBOUND,
    );
  });

  it('falls back to the ranges: a low local port and an ephemeral remote one is INBOUND', () => {
    expect(directionOf({ localPort: 22, remotePort: 50000 }, new Set(), linux)).toBe(Direction.INBOUND);
  });

  it('calls everything else OUTBOUND', () => {
    expect(directionOf({ localPort: 50000, remotePort: 5432 }, new Set(), linux)).toBe(Direction.OUTBOUND);
    expect(directionOf({ localPort: 1000, remotePort: 2000 }, new Set(), linux)).toBe(Direction.OUTBOUND);
  });
});

describe('summarise', () => {
  it('keys counts by state, direction, service port and process', () => {
    const sockets = [
      socket({ state: TcpState.LISTEN, localPort: 443, process: 'nginx' }),
      socket({ localPort: 443, remotePort: 50001, process: 'nginx' }),
      socket({ localPort: 443, remotePort: 50002, process: 'nginx' }),
      socket({ state: TcpState.CLOSE_WAIT, localPort: 443, remotePort: 50003, process: 'nginx' }),
      socket({ localPort: 40001, remotePort: 5432, process: 'app' }),
      socket({ localPort: 40002, remotePort: 5432 }),
    ];
    expect(summarise(sockets, { ephemeralRange: linux })).toEqual([
      { state: TcpState.CLOSE_WAIT, direction: Direction.INBOUND, port: 443, process: 'nginx', count: 1 },
      { state: TcpState.ESTABLISHED, direction: Direction.INBOUND, port: 443, process: 'nginx', count: 2 },
      { state: TcpState.ESTABLISHED, direction: Direction.OUTBOUND, port: 5432, process: null, count: 1 },
      { state: TcpState.ESTABLISHED, direction: Direction.OUTBOUND, port: 5432, process: 'app', count: 1 },
      { state: TcpState.LISTEN, direction: Direction.INBOUND, port: 443, process: 'nginx', count: 1 },
    ]);
  });

  it('uses the listening ports it is given over the LISTEN sockets it sees', () => {
    const sockets = [socket({ localPort: 8080, remotePort: 9000 })];
    expect(summarise(sockets, { ephemeralRange: linux })[0]?.direction).toBe(Direction.OUTBOUND);
    expect(summarise(sockets, { ephemeralRange: linux, listeningPorts: new Set([8080]) })[0]?.direction).toBe(
      Direction.INBOUND,
    );
  });

  it('gives one key, not 10,000, for 10,000 outbound connections from random ephemeral ports', () => {
    const ports = fc.sample(fc.integer({ min: linux.low, max: linux.high }), { numRuns: 10_000, seed: 42 });
    const sockets = ports.map((localPort, i) =>
      socket({ localPort, remoteAddress: `10.1.${i >> 8}.${i & 255}`, remotePort: 5432, process: 'api' }),
    );
    const counts = summarise(sockets, { ephemeralRange: linux });
    expect(counts).toEqual([
      {
        state: TcpState.ESTABLISHED,
        direction: Direction.OUTBOUND,
        port: 5432,
        process: 'api',
        count: 10_000,
      },
    ]);
  });

  it('counts every socket exactly once, whatever the sockets', () => {
    const anySocket = fc.record({
      localPort: fc.integer({ min: 0, max: 65535 }),
      remotePort: fc.integer({ min: 0, max: 65535 }),
      state: fc.constantFrom(...TCP_STATES),
      process: fc.option(fc.constantFrom('nginx', 'java', 'a b:c', ''), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(anySocket, { maxLength: 300 }), (fields) => {
        const sockets = fields.map((f) => socket(f));
        const counts = summarise(sockets, { ephemeralRange: linux });
        const total = counts.reduce((sum, row) => sum + row.count, 0);
        expect(total).toBe(sockets.length);
        const perState = totalsByState(counts);
        for (const state of TCP_STATES) {
          expect(perState[state] ?? 0).toBe(sockets.filter((s) => s.state === state).length);
        }
        // No two rows share a key.
        const keys = counts.map((r) => JSON.stringify([r.state, r.direction, r.port, r.process]));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

describe('listeningPortsOf', () => {
  it('takes the local ports of LISTEN sockets only', () => {
    const ports = listeningPortsOf([
      socket({ state: TcpState.LISTEN, localPort: 22 }),
      socket({ state: TcpState.ESTABLISHED, localPort: 50000 }),
    ]);
    expect([...ports]).toEqual([22]);
  });
});
