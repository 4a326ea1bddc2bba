import { ipv6Groups } from '@tcpfleet/model';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { LimitName, Limits } from '../config/limits';
import { DomainError } from '../errors/domain-error';
import { TokenBuckets, type Limit } from './token-bucket';

export type LimitedRoute = 'enroll' | 'ingest';

/** How a limit is named to clients, in 429 bodies and in metrics. */
export const LIMIT_LABEL: Record<LimitName, string> = {
  enrollToken: 'enroll.token',
  enrollAddress: 'enroll.address',
  ingestToken: 'ingest.token',
  ingestAddress: 'ingest.address',
};

const PER: Record<LimitName, string> = {
  enrollToken: 'enrolments per enrolment secret',
  enrollAddress: 'enrolments per client address',
  ingestToken: 'snapshots per host token',
  ingestAddress: 'snapshots per client address',
};

// Address first: it turns a flood away before its tokens are even looked at.
const ORDER: Record<LimitedRoute, [LimitName, LimitName]> = {
  enroll: ['enrollAddress', 'enrollToken'],
  ingest: ['ingestAddress', 'ingestToken'],
};

/**
 * The bucket key of a client address. IPv4-mapped IPv6 is the IPv4 address; other IPv6 addresses
 * count per /64, the smallest block a site is usually given (RFC 6177), or one client could take a
 * fresh bucket for each of its 2^64 addresses.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const groups = isIPv6(address) ? ipv6Groups(address) : undefined;
  return groups
    ? `${groups
        .slice(0, 4)
        .map((group) => group.toString(16))
        .join(':')}::/64`
    : address;
}

/** Token buckets per limit; a refusal is a rate_limited DomainError naming the limit. */
export class RateLimiter {
  private readonly buckets = new Map<LimitName, TokenBuckets>();

  constructor(limits: Limits) {
    for (const [name, limit] of Object.entries(limits) as [LimitName, Limit | null][]) {
      if (limit) this.buckets.set(name, new TokenBuckets(limit));
    }
  }

  /** Takes a token of each limit of the route; null when every limit allows the request. */
  check(route: LimitedRoute, address: string, bearer: string | null, now = Date.now()): DomainError | null {
    for (const name of ORDER[route]) {
      const buckets = this.buckets.get(name);
      // Without a bearer the request is refused as unauthenticated; only the address is limited.
      const key = name.endsWith('Address') ? addressKey(address) : bearer && sha256(bearer);
      if (!buckets || !key) continue;
      const taken = buckets.take(key, now);
      if (!taken.allowed) return refusal(name, buckets.limit, taken.retryAfterSeconds);
    }
    return null;
  }
}

// Secrets are never kept as such, not even as map keys.
const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

function refusal(name: LimitName, limit: Limit, retryAfterSeconds: number): DomainError {
  return new DomainError(
    'rate_limited',
    `rate limit ${LIMIT_LABEL[name]} reached: at most ${limit.perMinute} ${PER[name]} a minute, in bursts of up to ${limit.burst}; retry in ${retryAfterSeconds} s`,
    [],
    { limit: { name: LIMIT_LABEL[name], perMinute: limit.perMinute, burst: limit.burst }, retryAfterSeconds },
  );
}
