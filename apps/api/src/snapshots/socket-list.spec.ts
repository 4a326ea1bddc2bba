import { TcpState, type WireSocket } from '@tcpfleet/model';
import { brotliCompressSync } from 'node:zlib';
import { decodeSocketList, encodeSnapshot } from './socket-list';

const sockets: WireSocket[] = [
  {
    family: 'ipv4',
    localAddress: '10.0.0.1',
    localPort: 443,
    remoteAddress: '10.0.0.2',
    remotePort: 50000,
    state: TcpState.CLOSE_WAIT,
    process: 'java',
    pid: 7,
  },
];

describe('the stored socket list', () => {
  it('is the snapshot as sent, compressed, and decodes to its sockets', () => {
    const sent = Buffer.from(JSON.stringify({ version: 1, counts: [], sockets }));
    const stored = encodeSnapshot(sent);
    expect(stored.length).toBeLessThan(sent.length);
    expect(decodeSocketList(stored)).toEqual(sockets);
  });

  it('still reads rows written as the socket list alone', () => {
    expect(decodeSocketList(brotliCompressSync(JSON.stringify(sockets)))).toEqual(sockets);
  });
});
