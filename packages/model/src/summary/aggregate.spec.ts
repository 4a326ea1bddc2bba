import fc from 'fast-check';
import { destinationsOf } from '../findings/wire';
import type { Socket } from '../socket';
import { TCP_STATES, TcpState } from '../states/tcp-state';
import { CountAggregator } from './aggregate';
import { Direction } from './count';
import { DestinationAggregator } from './destinations';
import { listeningPortsOf } from './direction';
import { DEFAULT_EPHEMERAL_RANGES } from './ephemeral';
import { summarise } from './summarise';

const linux = DEFAULT_EPHEMERAL_RANGES.linux;

const anySocket = fc.record({
  localPort: fc.oneof(fc.constantFrom(22, 443, 5432, 40000), fc.integer({ min: 0, max: 65535 })),
  remotePort: fc.oneof(fc.constantFrom(0, 443, 5432, 50000), fc.integer({ min: 0, max: 65535 })),
  remoteAddress: fc.constantFrom('10.0.0.5', '10.0.0.6', '::1'),
  state: fc.constantFrom(...TCP_STATES),
  process: fc.option(fc.constantFrom('nginx', 'java', ''), { nil: undefined }),
});
const sockets = fc
  .array(anySocket, { maxLength: 200 })
  .map((list) =>
    list.map((fields): Socket => ({ family: 'ipv4', localAddress: '10.0.0.1', rawState: '01', ...fields })),
  );

function aggregate(list: readonly Socket[], listeningPorts = listeningPortsOf(list)) {
  const counts = new CountAggregator({ ephemeralRange: linux, listeningPorts });
  const destinations = new DestinationAggregator();
  // A reused object, as a scan hands its rows over: nothing may keep it.
  const row = {
    state: TcpState.CLOSED,
    localPort: 0,
    remotePort: 0,
    remoteAddress: '',
    process: undefined as string | undefined,
  };
  for (const socket of list) {
    Object.assign(row, { ...socket, process: socket.process });
    destinations.add(row, counts.add(row));
  }
  return { counts, destinations };
}

describe('CountAggregator', () => {
  it('counts exactly as summarise does, one socket at a time', () => {
    fc.assert(
      fc.property(sockets, (list) => {
        const { counts } = aggregate(list);
        expect(counts.counts()).toEqual(summarise(list, { ephemeralRange: linux }));
        expect(counts.size).toBe(list.length);
      }),
    );
  });

  it('merges namespaces, each counted with its own listening ports', () => {
    fc.assert(
      fc.property(sockets, sockets, (host, container) => {
        const merged = aggregate(host).counts.merge(aggregate(container).counts);
        const separate = [
          ...summarise(host, { ephemeralRange: linux }),
          ...summarise(container, { ephemeralRange: linux }),
        ];
        expect(merged.size).toBe(host.length + container.length);
        const total = (rows: { state: TcpState; port: number; direction: Direction; count: number }[]) =>
          rows.reduce<Record<string, number>>((sums, r) => {
            const key = `${r.state} ${r.direction} ${r.port}`;
            sums[key] = (sums[key] ?? 0) + r.count;
            return sums;
          }, {});
        expect(total(merged.counts())).toEqual(total(separate));
      }),
    );
  });

  it('treats a port as a service only where it is listened on', () => {
    const client = { state: TcpState.ESTABLISHED, localPort: 40000, remotePort: 41000 };
    const listening = new CountAggregator({ ephemeralRange: linux, listeningPorts: new Set([40000]) });
    const elsewhere = new CountAggregator({ ephemeralRange: linux, listeningPorts: new Set() });
    expect(listening.add(client)).toBe(Direction.INBOUND);
    expect(elsewhere.add(client)).toBe(Direction.OUTBOUND);
    expect(
      listening
        .merge(elsewhere)
        .counts()
        .map((r) => [r.direction, r.port, r.process]),
    ).toEqual([
      [Direction.INBOUND, 40000, null],
      [Direction.OUTBOUND, 41000, null],
    ]);
  });
});

describe('DestinationAggregator', () => {
  it('gives what the findings engine computes from the whole list', () => {
    fc.assert(
      fc.property(sockets, fc.integer({ min: 0, max: 5 }), (list, limit) => {
        const { destinations } = aggregate(list);
        expect(destinations.destinations(limit)).toEqual(destinationsOf(list, limit, linux));
      }),
    );
  });

  it('adds up the same destination across namespaces, state by state', () => {
    const syn = { state: TcpState.SYN_SENT, remoteAddress: '10.0.0.5', remotePort: 5432 };
    const a = new DestinationAggregator();
    const b = new DestinationAggregator();
    a.add(syn, Direction.OUTBOUND);
    b.add(syn, Direction.OUTBOUND);
    b.add({ ...syn, state: TcpState.TIME_WAIT }, Direction.OUTBOUND);
    b.add({ ...syn, remotePort: 0 }, Direction.OUTBOUND);
    b.add(syn, Direction.INBOUND);
    expect(a.merge(b).destinations()).toEqual([
      { address: '10.0.0.5', port: 5432, count: 3, states: { SYN_SENT: 2, TIME_WAIT: 1 } },
    ]);
  });
});
