import fc from 'fast-check';
import {
  DEFAULT_EPHEMERAL_RANGES,
  destinationsOf,
  summarise,
  TCP_STATES,
  type Socket,
  type SocketCount,
} from '@tcpfleet/model';
import { SocketTable } from '../collect/socket_table';
import { countTable } from './counts';

const linux = DEFAULT_EPHEMERAL_RANGES.linux;
const anySocket = fc
  .record({
    localPort: fc.oneof(fc.constantFrom(22, 443, 5432, 40000), fc.integer({ min: 0, max: 65535 })),
    remotePort: fc.oneof(fc.constantFrom(0, 443, 5432, 50000), fc.integer({ min: 0, max: 65535 })),
    remoteAddress: fc.constantFrom('10.0.0.5', '10.0.0.6'),
    state: fc.constantFrom(...TCP_STATES),
    process: fc.option(fc.constantFrom('nginx', 'java'), { nil: undefined }),
    netns: fc.option(fc.constantFrom('4026532200', '4026532300'), { nil: undefined }),
  })
  .map((fields): Socket => ({ family: 'ipv4', localAddress: '10.0.0.1', rawState: '01', ...fields }));

function tableOf(sockets: readonly Socket[]): SocketTable {
  const table = new SocketTable();
  for (const socket of sockets) table.add(socket, socket.netns);
  return table;
}

/** Each namespace summarised on its own with the model's summarise, then the rows added up. */
function perNamespace(sockets: readonly Socket[]): SocketCount[] {
  const merged = new Map<string, SocketCount>();
  for (const netns of new Set(sockets.map((s) => s.netns))) {
    for (const row of summarise(
      sockets.filter((s) => s.netns === netns),
      { ephemeralRange: linux },
    )) {
      const key = JSON.stringify([row.state, row.direction, row.port, row.process]);
      const known = merged.get(key);
      if (known) known.count += row.count;
      else merged.set(key, { ...row });
    }
  }
  return [...merged.values()];
}

const byKey = (rows: SocketCount[]) => rows.map((row) => JSON.stringify(row)).sort();

describe('countTable', () => {
  it('counts each namespace by its own listeners, as summarise does namespace by namespace', () => {
    fc.assert(
      fc.property(fc.array(anySocket, { maxLength: 150 }), (sockets) => {
        const { counts } = countTable(tableOf(sockets), linux);
        expect(byKey(counts)).toEqual(byKey(perNamespace(sockets)));
        expect(counts.reduce((sum, row) => sum + row.count, 0)).toBe(sockets.length);
      }),
    );
  });

  it('finds the destinations the findings engine finds in the same sockets', () => {
    const hostOnly = anySocket.map(({ netns: _netns, ...socket }) => socket);
    fc.assert(
      fc.property(fc.array(hostOnly, { maxLength: 150 }), (sockets) => {
        expect(countTable(tableOf(sockets), linux).destinations).toEqual(destinationsOf(sockets, 100, linux));
      }),
    );
  });
});
