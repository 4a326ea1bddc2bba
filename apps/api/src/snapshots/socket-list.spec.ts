import { TcpState, type WireSocket } from '@tcpfleet/model';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { compressForStorage, type BodyEncoding, type CheckedSnapshot } from './snapshot-check';
import { decodeSocketList, storedSnapshot } from './socket-list';

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
const json = Buffer.from(JSON.stringify({ version: 1, counts: [], sockets, pad: 'x'.repeat(2000) }));

describe('the stored socket list', () => {
  it.each<[BodyEncoding, Buffer]>([
    ['gzip', gzipSync(json)],
    ['deflate', deflateSync(json)],
    ['br', brotliCompressSync(json)],
  ])('is a %s body kept as it was sent, and decodes to its sockets', (encoding, sent) => {
    const stored = storedSnapshot({ sent, encoding }, { compressed: null } as CheckedSnapshot);
    expect(stored).toEqual({ bytes: sent, encoding });
    expect(decodeSocketList(stored.bytes, stored.encoding)).toEqual(sockets);
  });

  it('keeps a body sent uncompressed as the check compressed it, with brotli', () => {
    // A worker thread hands the compressed bytes back as a plain Uint8Array.
    const compressed = new Uint8Array(compressForStorage(json));
    const stored = storedSnapshot({ sent: json, encoding: 'identity' }, { compressed } as CheckedSnapshot);
    expect(Buffer.isBuffer(stored.bytes)).toBe(true);
    expect(stored.encoding).toBe('br');
    expect(stored.bytes.length).toBeLessThan(json.length / 5);
    expect(decodeSocketList(stored.bytes, stored.encoding)).toEqual(sockets);
  });

  it('still reads rows written before: brotli without an encoding, and a bare list', () => {
    expect(decodeSocketList(brotliCompressSync(json), null)).toEqual(sockets);
    expect(decodeSocketList(brotliCompressSync(JSON.stringify(sockets)), null)).toEqual(sockets);
  });
});
