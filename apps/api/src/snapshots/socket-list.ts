import type { WireSocket } from '@tcpfleet/model';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * A host's current socket list as host_sockets.socket_list stores it: the snapshot's JSON as it was
 * sent, brotli-compressed at quality 1. Kept whole, it costs no second serialisation of the sockets
 * (the bytes are at hand, checked); it is read only for one host at a time, then decoded and
 * filtered by the API. Rows written before hold the socket list alone, a JSON array.
 */
export function encodeSnapshot(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      // Told the size, brotli sizes its tables for it: a fifth less time on a 40 KB snapshot.
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function decodeSocketList(stored: Uint8Array): WireSocket[] {
  const value = JSON.parse(brotliDecompressSync(stored).toString('utf8')) as
    WireSocket[] | { sockets: WireSocket[] };
  return Array.isArray(value) ? value : value.sockets;
}
