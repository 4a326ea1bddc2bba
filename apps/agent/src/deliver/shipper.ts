import type { SnapshotReceipt, SnapshotV1 } from '@tcpfleet/model';
import type { Logger } from '../log/logger';
import { gzipJson, type Answer, type ApiClient } from './api';
import type { HostCredential } from './credential';
import type { DropCounter } from './drops';
import { retryDelayMs, type Backoff } from './retry-after';
import type { Spool } from './spool';

/** How the delivery of one snapshot ended. */
export type Delivery = 'delivered' | 'spooled' | 'rejected' | 'denied';

type Sent = 'delivered' | 'rejected' | 'denied' | 'later';

export interface ShipperOptions {
  api: ApiClient;
  credential: HostCredential;
  spool: Spool;
  drops: DropCounter;
  log: Logger;
  backoff: Backoff;
  /** Tries per snapshot before it waits in the spool for the next round. */
  attempts: number;
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Delivers snapshots in the order they were taken. A snapshot goes straight to the API when
 * nothing waits before it; otherwise, or when the API cannot take it now, it joins the spool, and
 * the spool is sent oldest first. Every try of one snapshot sends the same bytes and so the same
 * id: the API stores a snapshot once however often it arrives.
 */
export class Shipper {
  /** No request before this time: the server asked us to wait (Retry-After) or backoff ran out. */
  private notBefore = 0;

  constructor(private readonly options: ShipperOptions) {}

  async deliver(snapshot: SnapshotV1): Promise<Delivery> {
    const body = gzipJson(snapshot);
    // Older snapshots go first; the new one waits behind them when they cannot all go now.
    const ahead = this.options.spool.size > 0 ? await this.drain() : 'empty';
    if (ahead !== 'empty' || this.now() < this.notBefore) {
      this.store(snapshot.id, body);
      return ahead === 'denied' ? 'denied' : 'spooled';
    }
    const sent = await this.send(snapshot.id, body, snapshot.collector.spoolDropped);
    if (sent === 'delivered' || sent === 'rejected') return sent;
    this.store(snapshot.id, body);
    return sent === 'denied' ? 'denied' : 'spooled';
  }

  /** Sends spooled snapshots, oldest first, until the spool is empty or the API cannot take more. */
  async drain(): Promise<'empty' | 'later' | 'denied'> {
    const { spool } = this.options;
    while (this.now() >= this.notBefore) {
      const entry = spool.oldest();
      if (!entry) return 'empty';
      const sent = await this.send(entry.id, entry.body, entry.spoolDropped);
      if (sent === 'later' || sent === 'denied') return sent;
      spool.remove(entry.name);
    }
    return 'later';
  }

  private async send(id: string, body: Buffer, carried: number): Promise<Sent> {
    const { log, backoff, attempts } = this.options;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.post(body);
      if (answer.kind === 'ok') {
        log.info('snapshot delivered', { id, created: answer.value.created, current: answer.value.current });
        return 'delivered';
      }
      if (answer.kind === 'rejected') {
        // The API will never take these bytes; the drops they reported are owed again.
        log.error('snapshot refused by the API, not retried', {
          id,
          status: answer.status,
          reason: answer.reason,
        });
        this.options.drops.add(carried);
        return 'rejected';
      }
      if (answer.kind === 'denied') {
        log.error('host token refused; snapshots wait in the spool', {
          id,
          status: answer.status,
          reason: answer.reason,
          ...(answer.status === 401 ? { fix: this.options.credential.remedy } : {}),
        });
        return 'denied';
      }
      const wait = retryDelayMs(attempt, backoff, answer.retryAfterMs);
      if (attempt + 1 >= attempts) {
        this.notBefore = this.now() + wait;
        log.warn('API unavailable; snapshot kept in the spool', {
          id,
          reason: answer.reason,
          retryInMs: wait,
        });
        return 'later';
      }
      log.warn('API unavailable; retrying', {
        id,
        reason: answer.reason,
        attempt: attempt + 1,
        retryInMs: wait,
      });
      await this.options.sleep(wait);
    }
  }

  /** One request; after a 401, once more with a new token when the credential finds one. */
  private async post(body: Buffer): Promise<Answer<SnapshotReceipt>> {
    const { api, credential } = this.options;
    const answer = await api.sendSnapshot(credential.token, body);
    if (answer.kind !== 'denied' || answer.status !== 401 || !(await credential.renew())) return answer;
    return api.sendSnapshot(credential.token, body);
  }

  private store(id: string, body: Buffer): void {
    const { spool, drops, log } = this.options;
    for (const entry of spool.put(id, body)) {
      log.warn('spool full; oldest snapshot dropped', { id: entry.id, spooled: spool.size });
      drops.add(1 + entry.spoolDropped);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
