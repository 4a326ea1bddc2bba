import type { WireSocket } from '@tcpfleet/model';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { CheckedSnapshot, ReceivedBody } from './snapshot-check';

export type StoredEncoding = 'gzip' | 'deflate' | 'br';

/** A host's current socket list as host_sockets stores it (socket_list, socket_list_encoding). */
export interface StoredSnapshot {
  bytes: Buffer;
  encoding: StoredEncoding;
}

/**
 * The snapshot's body as it came, compressed as it came: the agent compressed it already, so
 * ingestion neither serialises the sockets again nor compresses anything. A body sent uncompressed
 * was compressed with brotli by the check (snapshot-check.ts). It is read only for one host at a
 * time, then decoded and filtered by the API; it was checked whole, inflated within the body limit.
 */
export function storedSnapshot(received: ReceivedBody, checked: CheckedSnapshot): StoredSnapshot {
  if (received.encoding !== 'identity')
    return { bytes: asBuffer(received.sent), encoding: received.encoding };
  if (checked.compressed === null) throw new Error('a body sent uncompressed was not compressed for storage');
  return { bytes: asBuffer(checked.compressed), encoding: 'br' };
}

// Bytes from a worker thread arrive as a plain Uint8Array; node-postgres binds only a Buffer as bytea.
const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

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
