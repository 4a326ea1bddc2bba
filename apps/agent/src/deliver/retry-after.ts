/**
 * Retry-After (RFC 9110, section 10.2.3): either a number of seconds or an HTTP date. Gives the
 * wait in milliseconds, or undefined when the header is absent or unreadable.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface Backoff {
  /** The first retry's wait before jitter. */
  baseMs: number;
  /** No wait grows past this. */
  maxMs: number;
}

/**
 * Exponential backoff with jitter: the n-th retry (from 0) waits between half and all of
 * min(max, base * 2^n), so agents that failed together do not retry together. A server's
 * Retry-After is a floor: we never come back sooner than asked.
 */
export function retryDelayMs(
  attempt: number,
  backoff: Backoff,
  retryAfter?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
  const jittered = ceiling / 2 + (random() * ceiling) / 2;
  return Math.round(Math.max(jittered, retryAfter ?? 0));
}
