import fc from 'fast-check';
import { TCP_STATES, TcpState, type Socket } from '@tcpfleet/model';
import { SocketTable } from './socket_table';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const anySocket: fc.Arbitrary<Socket> = fc.record(
  {
    family: fc.constantFrom('ipv4' as const, 'ipv6' as const),
    localAddress: fc.constantFrom('127.0.0.1', '::1', '10.0.0.1'),
    localPort: fc.integer({ min: 0, max: 65535 }),
    remoteAddress: fc.constantFrom('0.0.0.0', '10.0.0.5'),
    remotePort: fc.integer({ min: 0, max: 65535 }),
    state: fc.constantFrom(...TCP_STATES),
    rawState: fc.constantFrom('01', '0A', 'ESTAB', 'weird'),
    recvQueue: u32,
    sendQueue: u32,
    uid: u32,
    inode: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    pid: fc.integer({ min: 0, max: 4194304 }),
    process: fc.constantFrom('nginx', 'java'),
  },
  {
    requiredKeys: ['family', 'localAddress', 'localPort', 'remoteAddress', 'remotePort', 'state', 'rawState'],
  },
);

describe('SocketTable', () => {
  it('gives back every socket it was given, field for field, past its first capacity', () => {
    fc.assert(
      fc.property(fc.array(anySocket, { maxLength: 40 }), (sockets) => {
        const table = new SocketTable(0);
        for (const socket of sockets) table.add(socket);
        expect(table.size).toBe(sockets.length);
        expect(table.all()).toEqual(sockets);
      }),
    );
    const many = Array.from(
      { length: 3000 },
      (_, i) => fc.sample(anySocket, { numRuns: 1, seed: i })[0] as Socket,
    );
    expect(SocketTable.of(many).all()).toEqual(many);
  });

  it('tags the sockets of other network namespaces and numbers each namespace once', () => {
    const socket: Socket = {
      family: 'ipv4',
      localAddress: '127.0.0.1',
      localPort: 5432,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: TcpState.LISTEN,
      rawState: '0A',
    };
    const table = new SocketTable();
    table.add(socket);
    table.add(socket, '4026532200');
    table.add(socket, '4026532300');
    table.add(socket, '4026532200');
    expect(table.all().map((s) => s.netns)).toEqual([undefined, '4026532200', '4026532300', '4026532200']);
    expect([0, 1, 2, 3].map((i) => table.namespace(i))).toEqual([0, 1, 2, 1]);
    expect(table.namespaceCount).toBe(3);
  });

  it('holds process names to the wire rule when built from parsed sockets', () => {
    const parsed = {
      ...fc.sample(anySocket, { numRuns: 1, seed: 7 })[0],
      process: 'a\u0007b'.padEnd(300, 'x'),
    } as Socket;
    const [row] = SocketTable.of([parsed]).all();
    expect(row?.process).toBe('a?b'.padEnd(255, 'x'));
  });

  it('counts the listeners with connections waiting, and only those', () => {
    const listener = (recvQueue: number): Socket => ({
      family: 'ipv4',
      localAddress: '0.0.0.0',
      localPort: 80,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: TcpState.LISTEN,
      rawState: '0A',
      recvQueue,
    });
    const busy = { ...listener(7), state: TcpState.ESTABLISHED };
    expect(SocketTable.of([listener(0), listener(3), busy, listener(1)]).queuedListeners()).toBe(2);
  });
});
