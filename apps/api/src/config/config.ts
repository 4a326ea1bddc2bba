import { WIRE_LIMITS, type FindingThresholds } from '@tcpfleet/model';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { REPO_ROOT } from './paths';
import { limitsFrom, trustProxyFrom, type Limits } from './limits';
import { thresholdsFrom } from './thresholds';

/** The validated configuration of one API process. Read once at start, never from process.env later. */
export interface Config {
  port: number;
  host: string;
  /** Unset: the embedded PGlite store in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  enrollSecret: string | null;
  adminKey: string | null;
  /** A host whose newest snapshot is older than this stops counting as current. */
  staleAfterSeconds: number;
  retentionDays: number;
  /** Daily history partitions created ahead of today. */
  partitionsAheadDays: number;
  maxBodyBytes: number;
  databasePoolSize: number;
  /** Ingestion transactions in flight at once (PostgreSQL; PGlite runs one); the rest group-commit. */
  ingestTransactions: number;
  /** Worker threads that inflate, parse and check snapshot bodies; 0: the main thread does. */
  ingestWorkers: number;
  /** How far in the future a snapshot's collectedAt may be (agent clock skew). */
  maxClockSkewSeconds: number;
  /** The findings' thresholds: the model's defaults with TCPFLEET_FINDING_* overrides. */
  thresholds: FindingThresholds;
  /** GET /metrics without an API key (for a Prometheus on a trusted network). */
  metricsPublic: boolean;
  /** Rate limits of enrolment and ingestion; null: off. */
  limits: Limits;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client. */
  trustProxy: number | string[] | false;
  /** How often the fleet's totals are written to its history (fleet_totals), in seconds. */
  fleetRollupSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}..${max}, got ${value}`);
  return value;
}

/**
 * One worker thread per core beside the main thread's, at least one, at most four: a snapshot costs
 * the main thread (HTTP, writes) about as much as a worker (inflate, parse, check), and the database
 * wants cores too.
 */
function defaultIngestWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

function secret(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  // Both secrets guard writes to the fleet; a short one can be guessed.
  if (raw.length < 16) throw new ConfigError(name, 'must be at least 16 characters long');
  if (/\s/.test(raw)) throw new ConfigError(name, 'must not contain white space');
  return raw;
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `expected a postgres:// URL, got ${url.protocol}//`);
  }
  return raw;
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

/** A parsed value, or the ConfigError of its problem. */
function checked<T>(result: T | { variable: string; reason: string }): T {
  if (typeof result === 'object' && result !== null && 'variable' in result && 'reason' in result) {
    throw new ConfigError(result.variable, result.reason);
  }
  return result as T;
}

/** Validates the environment into a Config; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: databaseUrl(env),
    dataDir: resolve(REPO_ROOT, env.TCPFLEET_DATA_DIR || '.tcpfleet/data'),
    enrollSecret: secret(env, 'TCPFLEET_ENROLL_SECRET'),
    adminKey: secret(env, 'TCPFLEET_ADMIN_KEY'),
    staleAfterSeconds: integer(env, 'TCPFLEET_STALE_AFTER_SECONDS', 300, 10, 30 * 86400),
    retentionDays: integer(env, 'TCPFLEET_RETENTION_DAYS', 14, 1, 3650),
    partitionsAheadDays: integer(env, 'TCPFLEET_PARTITIONS_AHEAD_DAYS', 2, 1, 60),
    maxBodyBytes: integer(env, 'TCPFLEET_MAX_BODY_BYTES', WIRE_LIMITS.maxBodyBytes, 1024, 256 * 1024 * 1024),
    databasePoolSize: integer(env, 'TCPFLEET_DB_POOL_SIZE', 10, 1, 200),
    ingestTransactions: integer(env, 'TCPFLEET_INGEST_TRANSACTIONS', 2, 1, 100),
    ingestWorkers: integer(env, 'TCPFLEET_INGEST_WORKERS', defaultIngestWorkers(), 0, 64),
    maxClockSkewSeconds: integer(env, 'TCPFLEET_MAX_CLOCK_SKEW_SECONDS', 300, 0, 86400),
    thresholds: checked<FindingThresholds>(thresholdsFrom(env)),
    metricsPublic: flag(env, 'TCPFLEET_METRICS_PUBLIC'),
    limits: checked<Limits>(limitsFrom(env)),
    trustProxy: checked<number | string[] | false>(trustProxyFrom(env)),
    fleetRollupSeconds: integer(env, 'TCPFLEET_FLEET_ROLLUP_SECONDS', 60, 1, 3600),
  };
}
