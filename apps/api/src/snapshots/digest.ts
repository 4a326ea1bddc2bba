import type { SnapshotV1 } from '@tcpfleet/model';
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Label keys that JavaScript puts first in an object, whatever the order they were added in. */
const INDEX_KEY = /^\d+$/;

/**
 * The canonicalJson text of a parsed snapshot (parseSnapshot), written at native speed: a parsed
 * copy's keys come sorted at every level, so JSON.stringify writes the same text, and the socket
 * list's text, written once, serves both the digest and the store. Labels with index-like keys
 * (which JavaScript orders first) take the slow path.
 */
export function snapshotText(snapshot: SnapshotV1, socketsText: string): string {
  if (Object.keys(snapshot.host.labels).some((key) => INDEX_KEY.test(key))) return canonicalJson(snapshot);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(snapshot)) {
    parts.push(`${JSON.stringify(key)}:${key === 'sockets' ? socketsText : JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/** What tells a retry of a snapshot (same digest) from another snapshot reusing its id. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function snapshotDigest(snapshot: unknown): string {
  return digestOf(canonicalJson(snapshot));
}
