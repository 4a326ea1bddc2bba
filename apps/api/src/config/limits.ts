import { isIP } from 'node:net';
import type { Limit } from '../limits/token-bucket';

/** The four rate limits: enrolment and ingestion, each per token and per client address. */
export interface Limits {
  enrollToken: Limit | null;
  enrollAddress: Limit | null;
  ingestToken: Limit | null;
  ingestAddress: Limit | null;
}

export type LimitName = keyof Limits;

/**
 * Defaults. An agent pushes every 30 s (2 a minute); 60 a minute per host token leaves room for
 * retries, and a burst of 300 lets a spool replay hours of snapshots at once, then one a second.
 * Per address, many agents can sit behind one NAT: 100 a second. Enrolment is rare: per address it
 * stops a loop or a guesser, per enrolment secret it bounds what a leaked secret can create.
 */
export const DEFAULT_LIMITS: Record<LimitName, Limit> = {
  enrollToken: { perMinute: 600, burst: 1000 },
  enrollAddress: { perMinute: 60, burst: 200 },
  ingestToken: { perMinute: 60, burst: 300 },
  ingestAddress: { perMinute: 6000, burst: 3000 },
};

const VARIABLE: Record<LimitName, string> = {
  enrollToken: 'TCPFLEET_LIMIT_ENROLL_TOKEN',
  enrollAddress: 'TCPFLEET_LIMIT_ENROLL_ADDRESS',
  ingestToken: 'TCPFLEET_LIMIT_INGEST_TOKEN',
  ingestAddress: 'TCPFLEET_LIMIT_INGEST_ADDRESS',
};

export interface LimitProblem {
  variable: string;
  reason: string;
}

type Env = Record<string, string | undefined>;

function whole(env: Env, variable: string, fallback: number, min: number): number | LimitProblem {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > 1_000_000) {
    return { variable, reason: `expected a whole number from ${min} to 1000000, got "${env[variable]}"` };
  }
  return Number(raw);
}

/**
 * `<VARIABLE>_PER_MINUTE` and `<VARIABLE>_BURST` for each limit; a rate of 0 turns the limit off.
 * The first bad variable is returned instead.
 */
export function limitsFrom(env: Env): Limits | LimitProblem {
  const limits: Partial<Limits> = {};
  for (const name of Object.keys(VARIABLE) as LimitName[]) {
    const perMinute = whole(env, `${VARIABLE[name]}_PER_MINUTE`, DEFAULT_LIMITS[name].perMinute, 0);
    if (typeof perMinute !== 'number') return perMinute;
    const burst = whole(env, `${VARIABLE[name]}_BURST`, DEFAULT_LIMITS[name].burst, 1);
    if (typeof burst !== 'number') return burst;
    limits[name] = perMinute === 0 ? null : { perMinute, burst };
  }
  return limits as Limits;
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Which proxies may say who the client is (X-Forwarded-For), as Express's `trust proxy` takes it:
 * a number of hops, or addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. Unset:
 * none, the peer address is the client. `true` (trust anyone) is refused: any client could then
 * pick the address its requests are limited by.
 */
export function trustProxyFrom(env: Env): number | string[] | false | LimitProblem {
  const variable = 'TCPFLEET_TRUST_PROXY';
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const longest = isIP(address ?? '') === 4 ? 32 : 128;
    const prefix = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= longest);
    if (!NAMED_RANGES.has(entry) && (isIP(address ?? '') === 0 || !prefix || extra !== undefined)) {
      return {
        variable,
        reason: `"${entry}" is not a hop count, an address, a CIDR range or loopback/linklocal/uniquelocal`,
      };
    }
  }
  return entries;
}

export function limitVariable(name: LimitName): string {
  return VARIABLE[name];
}
