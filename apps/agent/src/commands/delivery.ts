import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { EnrollRequest } from '@tcpfleet/model';
import { SettingError } from '../config/load';
import type { Settings } from '../config/settings';
import { ApiClient } from '../deliver/api';
import { DropCounter } from '../deliver/drops';
import { ensureToken, type EnrollOptions } from '../deliver/enroll';
import type { Backoff } from '../deliver/retry-after';
import { Shipper } from '../deliver/shipper';
import { Spool } from '../deliver/spool';
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

export function enrollOptions(
  settings: Settings,
  log: Logger,
  request: EnrollRequest,
  attempts: number,
  sleep: (ms: number) => Promise<void>,
): EnrollOptions {
  const server = requireServer(settings);
  return {
    api: new ApiClient({ server, timeoutMs: settings.timeout }),
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
    token: token.token,
    spool,
    drops,
    log,
    backoff: BACKOFF,
    attempts: ATTEMPTS,
    sleep,
  });
  return { shipper, drops };
}

/** A sleep that ends early when `signal` fires, so SIGTERM never waits out an interval. */
export function sleeper(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) => delay(ms, undefined, { signal }).catch(() => undefined);
}
