import { showDuration } from '../config/values';
import { reason } from '../errors';
import type { Logger } from '../log/logger';

export interface HostCredentialOptions {
  token: string;
  /** The token stored in the state directory now, if one for this server is there. */
  stored: () => string | undefined;
  /** Enrols again with the enrolment secret and stores the new token; absent without a secret. */
  reenroll?: () => Promise<string>;
  /** No re-enrolment sooner than this after the last one. */
  periodMs: number;
  log: Logger;
  now?: () => number;
}

/**
 * The host token snapshots are sent with, and the way back after the API refuses it (401, a
 * revoked or unknown token): a newer token stored by `tcpfleet-agent enroll --force` is taken up
 * at once; failing that, an agent that holds the enrolment secret enrols again, at most once per
 * period, so an API that refuses every token never sees a loop of enrolments.
 */
export class HostCredential {
  private current: string;
  private nextEnrolment = 0;

  constructor(private readonly options: HostCredentialOptions) {
    this.current = options.token;
  }

  get token(): string {
    return this.current;
  }

  /** Called after a 401; true when there is another token to try. */
  async renew(): Promise<boolean> {
    const stored = this.stored();
    if (stored !== undefined && stored !== this.current) {
      this.current = stored;
      this.options.log.info('host token refused; trying the newer one in the state directory');
      return true;
    }
    const { reenroll, log, periodMs } = this.options;
    if (reenroll === undefined || this.now() < this.nextEnrolment) return false;
    this.nextEnrolment = this.now() + periodMs;
    log.warn('host token refused; enrolling again with the enrolment secret');
    try {
      this.current = await reenroll();
      return true;
    } catch (error) {
      log.error('enrolling again failed', { reason: reason(error), nextTryInMs: periodMs });
      return false;
    }
  }

  /** What an operator can do about a refused token, for the log. */
  get remedy(): string {
    const enrol =
      'run `tcpfleet-agent enroll --force` with the current enrolment secret (--enroll-secret or TCPFLEET_ENROLL_SECRET)';
    return this.options.reenroll === undefined
      ? `no enrolment secret is set: ${enrol}; the running agent takes up the new token by itself`
      : `the agent enrols again by itself at most every ${showDuration(this.options.periodMs)}; if that keeps failing, the enrolment secret is wrong or rotated: set the current one or ${enrol}`;
  }

  private stored(): string | undefined {
    try {
      return this.options.stored();
    } catch (error) {
      this.options.log.warn('stored host token unreadable', { reason: reason(error) });
      return undefined;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
