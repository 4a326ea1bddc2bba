import type { SnapshotV1 } from '@tcpfleet/model';
import { gzipSync } from 'node:zlib';
import { buildFleet, type SimHost } from '../../../bench/src/simulator/fleet';
import { buildSnapshot } from '../../../bench/src/simulator/snapshot';
import { enroll } from './http';

/** What a snapshot must leave in the database once stored: its count rows and their sum. */
export interface Sent {
  hostname: string;
  rows: number;
  total: number;
}

/** The rows the API stores for a snapshot's counts: one per key with a count above zero. */
export function expectedRows(snapshot: SnapshotV1): Sent {
  const keys = new Set<string>();
  let total = 0;
  for (const count of snapshot.counts) {
    if (count.count === 0) continue;
    keys.add(JSON.stringify([count.state, count.direction, count.port, count.process]));
    total += count.count;
  }
  return { hostname: snapshot.host.hostname, rows: keys.size, total };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Simulated agents (the bench simulator's hosts and snapshots) pushing one snapshot after another,
 * each retried with the same bytes until the API takes it, and recording every id they sent. Every
 * answer is tallied by status; a 503 or 429 without Retry-After is tallied apart, and any answer but
 * 200, 503 and 429 is kept as unexpected.
 */
export class Pusher {
  readonly sent = new Map<string, Sent>();
  readonly statuses = new Map<string, number>();
  readonly unexpected: string[] = [];
  private readonly hosts: SimHost[];
  private readonly tokens = new Map<number, string>();
  private running: Promise<void>[] = [];
  private stopping = false;
  private abandoned = false;

  constructor(
    private readonly base: string,
    hosts: number,
    private readonly seed: number,
  ) {
    this.hosts = buildFleet(hosts, seed);
  }

  async enrol(): Promise<void> {
    for (const host of this.hosts) this.tokens.set(host.index, await enroll(this.base, host.hostname));
  }

  start(gapMs = 50): void {
    this.running = this.hosts.map((host) => this.loop(host, gapMs));
  }

  /**
   * Lets each host finish the snapshot it is sending (so the API must be up), then stops; gives false
   * when that took longer than `deadlineMs`, in which case the snapshots in flight are abandoned.
   */
  async stop(deadlineMs = 60_000): Promise<boolean> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(this.running).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs))),
    ]);
    clearTimeout(timer);
    if (!finished) await this.abandon();
    return finished;
  }

  /** Stops at once, leaving a snapshot in flight undelivered: for clean-up after a failure. */
  async abandon(): Promise<void> {
    this.stopping = true;
    this.abandoned = true;
    await Promise.all(this.running);
  }

  get accepted(): number {
    return this.statuses.get('200') ?? 0;
  }

  private async loop(host: SimHost, gapMs: number): Promise<void> {
    let last = 0;
    for (let round = 0; !this.stopping; round++) {
      // Strictly increasing times per host: the ledger and the history are keyed by them.
      last = Math.max(Date.now(), last + 1);
      const { snapshot } = buildSnapshot(host, round, new Date(last), this.seed, { maxSockets: 200 });
      this.sent.set(snapshot.id, expectedRows(snapshot));
      await this.deliver(this.tokens.get(host.index) ?? '', gzipSync(JSON.stringify(snapshot)));
      await pause(gapMs);
    }
  }

  private async deliver(token: string, body: Buffer): Promise<void> {
    while (!this.abandoned) {
      const { status, retryAfter } = await this.send(token, body);
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
      // Only 200 ends a delivery, and a refusal that retrying cannot mend (tallied as unexpected).
      if (status === '200' || (/^4\d\d$/.test(status) && status !== '429')) return;
      // Retry-After is honoured (up to 2 s, to keep the tests short), as the agent honours it.
      await pause(retryAfter === null ? 200 + Math.random() * 300 : Math.min(2000, retryAfter * 1000));
    }
  }

  private async send(token: string, body: Buffer): Promise<{ status: string; retryAfter: number | null }> {
    try {
      const response = await fetch(`${this.base}/v1/snapshots`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      const header = response.headers.get('retry-after');
      let status = String(response.status);
      if ((status === '503' || status === '429') && header === null) status = `${status} without Retry-After`;
      if (!['200', '503', '429'].includes(status)) this.unexpected.push(`${status} ${text}`);
      return { status, retryAfter: header === null ? null : Number(header) };
    } catch {
      return { status: 'network', retryAfter: null };
    }
  }
}
