import type { WireSocket } from '@tcpfleet/model';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
import type { ReceivedBody } from './snapshot-body';

export type StoredEncoding = 'gzip' | 'deflate' | 'br';

/** A host's current socket list as host_sockets stores it (socket_list, socket_list_encoding). */
export interface StoredSnapshot {
  bytes: Buffer;
  encoding: StoredEncoding;
}

/**
 * The snapshot's body as it came, compressed as it came: the agent compressed it already, so
 * ingestion neither serialises the sockets again nor compresses anything. A body sent uncompressed
 * is compressed with brotli at quality 1. It is read only for one host at a time, then decoded and
 * filtered by the API. It was checked whole, inflated within the body limit, before it was stored.
 */
export function storedSnapshot(received: ReceivedBody): StoredSnapshot {
  if (received.encoding !== 'identity') return { bytes: received.sent, encoding: received.encoding };
  const bytes = brotliCompressSync(received.bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      // Told the size, brotli sizes its tables for it: a fifth less time on a 40 KB snapshot.
      [constants.BROTLI_PARAM_SIZE_HINT]: received.bytes.length,
    },
  });
  return { bytes, encoding: 'br' };
}

const DECODE: Record<StoredEncoding, (bytes: Uint8Array) => Buffer> = {
  gzip: gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * The sockets of a stored snapshot. Rows written before migration 0008 have no encoding (brotli),
 * and those written before the snapshot was kept whole hold the socket list alone, a JSON array.
 */
export function decodeSocketList(stored: Uint8Array, encoding: StoredEncoding | null): WireSocket[] {
  const text = DECODE[encoding ?? 'br'](stored).toString('utf8');
  const value = JSON.parse(text) as WireSocket[] | { sockets: WireSocket[] };
  return Array.isArray(value) ? value : value.sockets;
}
