import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { EnrollRequest } from '@tcpfleet/model';
import { SettingError } from '../config/load';
import type { Settings } from '../config/settings';
import { ApiClient } from '../deliver/api';
import { DropCounter } from '../deliver/drops';
import { HostCredential } from '../deliver/credential';
import { enroll, ensureToken, type EnrollOptions } from '../deliver/enroll';
import type { Backoff } from '../deliver/retry-after';
import { Shipper } from '../deliver/shipper';
import { Spool } from '../deliver/spool';
import { readToken, type HostToken } from '../deliver/token';
import { plaintextWarning } from '../deliver/transport';
import type { Logger } from '../log/logger';

/** Retries of one request: 1 s doubling up to 60 s, with jitter. */
export const BACKOFF: Backoff = { baseMs: 1000, maxMs: 60_000 };
/** Tries of one snapshot before it waits in the spool; with BACKOFF about 15 s at most. */
export const ATTEMPTS = 4;

export function requireServer(settings: Settings): string {
  if (settings.server === undefined) {
    throw new SettingError(
      'missing setting --server (or TCPFLEET_SERVER, or "server" in the config file): the API base URL',
    );
  }
  return settings.server;
}

/** The client for the configured server; says once, at start, when it would send in plain text. */
export function apiClientFor(settings: Settings, log: Logger): ApiClient {
  const server = requireServer(settings);
  const warning = plaintextWarning(server);
  if (warning !== undefined) log.warn(warning, { server });
  return new ApiClient({
    server,
    timeoutMs: settings.timeout,
    ...(settings.caFile ? { ca: settings.caFile } : {}),
  });
}

export function enrollOptions(
  settings: Settings,
  log: Logger,
  request: EnrollRequest,
  attempts: number,
  sleep: (ms: number) => Promise<void>,
): EnrollOptions {
  const server = requireServer(settings);
  return {
    api: apiClientFor(settings, log),
    server,
    stateDir: settings.stateDir,
    secret: settings.enrollSecret,
    request,
    log,
    backoff: BACKOFF,
    attempts,
    sleep,
  };
}

/** The token (enrolling first if needed), spool, drop counter and shipper of the state directory. */
export async function shipperFor(
  settings: Settings,
  log: Logger,
  request: EnrollRequest,
  sleep: (ms: number) => Promise<void>,
  stopped: () => boolean,
): Promise<{ shipper: Shipper; drops: DropCounter }> {
  const options = { ...enrollOptions(settings, log, request, Infinity, sleep), stopped };
  const token = await ensureToken(options);
  const drops = new DropCounter(join(settings.stateDir, 'spool-dropped.json'));
  const spool = new Spool(join(settings.stateDir, 'spool'), settings.spoolMax, log);
  const shipper = new Shipper({
    api: options.api,
    credential: credentialFor(options, token),
    spool,
    drops,
    log,
    backoff: BACKOFF,
    attempts: ATTEMPTS,
    sleep,
  });
  return { shipper, drops };
}

/**
 * The token delivery starts with, and how it gets another after a 401: the stored one if newer,
 * else one enrolment with the secret (a single try; delivery's own backoff paces the next) at
 * most once per BACKOFF.maxMs.
 */
export function credentialFor(options: EnrollOptions, token: HostToken, now?: () => number): HostCredential {
  const { server, stateDir, secret } = options;
  return new HostCredential({
    token: token.token,
    stored: () => {
      const stored = readToken(stateDir);
      return stored?.server === server ? stored.token : undefined;
    },
    ...(secret === undefined
      ? {}
      : { reenroll: async () => (await enroll({ ...options, attempts: 1 })).token }),
    periodMs: options.backoff.maxMs,
    log: options.log,
    ...(now ? { now } : {}),
  });
}

/** A sleep that ends early when `signal` fires, so SIGTERM never waits out an interval. */
export function sleeper(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) => delay(ms, undefined, { signal }).catch(() => undefined);
}
