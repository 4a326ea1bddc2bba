import { Staleness } from './hosts.input';

/** Which current count rows a query adds up. Null fields match anything. */
export interface CountMatch {
  states: string[] | null;
  direction: string | null;
  port: number | null;
  process: string | null;
}

export interface CountBounds {
  gt: number | null;
  gte: number | null;
  lt: number | null;
}

export interface HostFilter {
  /** A LIKE pattern (see globToLike), matched case-insensitively. */
  hostnameLike: string | null;
  labels: Record<string, string> | null;
  os: string[] | null;
  staleness: Staleness;
  /** Hosts whose current snapshot is older than this are stale. */
  staleBefore: Date;
}

export type SortField = 'COUNT' | 'HOSTNAME' | 'LAST_SEEN_AT';

/** Where the previous page ended: its last host's sort value and hostname. */
export interface Cursor {
  value: number | string;
  hostname: string;
}

export interface HostPageQuery {
  match: CountMatch | null;
  bounds: CountBounds;
  filter: HostFilter;
  sort: { field: SortField; descending: boolean };
  after: Cursor | null;
  limit: number;
}

/** A host as the queries return it, `count` being the matched count (or all sockets without a match). */
export interface HostRow {
  hostId: string;
  hostname: string;
  os: string | null;
  osVersion: string | null;
  agentVersion: string | null;
  machineId: string | null;
  labels: Record<string, string>;
  enrolledAt: Date;
  lastSeenAt: Date | null;
  socketCount: number;
  count: number;
}

/** A hostname glob (`web-*`, `db-?.eu`) as a LIKE pattern, with LIKE's own wildcards escaped. */
export function globToLike(glob: string): string {
  return glob
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\*/g, '%')
    .replace(/\?/g, '_');
}

/** A count can be zero for a host with no matching rows; only then must hosts without rows be kept. */
export function zeroCountMatches(bounds: CountBounds): boolean {
  if (bounds.gt !== null || (bounds.gte !== null && bounds.gte > 0)) return false;
  return bounds.gte === 0 || bounds.lt !== null;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.hostname])).toString('base64url');
}

/** The cursor, or null when the text is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'string') return null;
    if (typeof value[0] !== 'number' && typeof value[0] !== 'string') return null;
    return { value: value[0], hostname: value[1] };
  } catch {
    return null;
  }
}
