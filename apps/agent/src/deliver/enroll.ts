import type { EnrollRequest } from '@tcpfleet/model';
import type { Logger } from '../log/logger';
import type { ApiClient } from './api';
import { retryDelayMs, type Backoff } from './retry-after';
import { readToken, tokenPath, writeToken, type HostToken } from './token';

export interface EnrollOptions {
  api: ApiClient;
  server: string;
  stateDir: string;
  secret: string | undefined;
  request: EnrollRequest;
  log: Logger;
  backoff: Backoff;
  /** Tries while the API is unreachable; Infinity waits for it (a service starting with its API). */
  attempts: number;
  sleep: (ms: number) => Promise<void>;
  /** True once the process is asked to stop: no more tries. */
  stopped?: () => boolean;
}

export class EnrollError extends Error {}

/** The stored token for this server, or a new one from the enrolment secret. */
export async function ensureToken(options: EnrollOptions): Promise<HostToken> {
  const stored = readToken(options.stateDir);
  if (stored && stored.server === options.server) return stored;
  if (stored) {
    options.log.warn('stored token belongs to another server; enrolling again', {
      token: tokenPath(options.stateDir),
      tokenServer: stored.server,
    });
  }
  return enroll(options);
}

/** Exchanges the fleet enrolment secret for this host's token and stores it (mode 0600). */
export async function enroll(options: EnrollOptions): Promise<HostToken> {
  const { api, log, secret } = options;
  if (secret === undefined) {
    throw new EnrollError(
      `no host token in ${tokenPath(options.stateDir)} and no enrolment secret: set --enroll-secret or TCPFLEET_ENROLL_SECRET`,
    );
  }
  for (let attempt = 0; ; attempt++) {
    const answer = await api.enroll(secret, options.request);
    if (answer.kind === 'ok') {
      const token: HostToken = {
        ...answer.value,
        server: options.server,
        enrolledAt: new Date().toISOString(),
      };
      writeToken(options.stateDir, token);
      log.info('enrolled', {
        hostId: token.hostId,
        hostname: token.hostname,
        token: tokenPath(options.stateDir),
      });
      return token;
    }
    if (answer.kind !== 'retry')
      throw new EnrollError(`enrolment refused by ${options.server}: ${answer.reason}`);
    if (attempt + 1 >= options.attempts || options.stopped?.())
      throw new EnrollError(`cannot reach ${options.server} to enrol: ${answer.reason}`);
    const wait = retryDelayMs(attempt, options.backoff, answer.retryAfterMs);
    log.warn('enrolment failed; retrying', { reason: answer.reason, retryInMs: wait });
    await options.sleep(wait);
  }
}
