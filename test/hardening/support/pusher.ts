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
 * answer is tallied by status; a 503 without Retry-After is tallied apart.
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

  /** Lets each host finish the snapshot it is sending (so the API must be up), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** Stops at once, leaving a snapshot in flight undelivered: for clean-up after a failure. */
  async abandon(): Promise<void> {
    this.abandoned = true;
    await this.stop();
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
      let status: string;
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
        status = String(response.status);
        if (response.status === 503 && response.headers.get('retry-after') === null)
          status = '503 without Retry-After';
        if (response.status !== 200 && response.status !== 503) this.unexpected.push(`${status} ${text}`);
      } catch {
        status = 'network';
      }
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
      // Only 200 ends a delivery, and a refusal that retrying cannot mend (tallied as unexpected).
      if (status === '200' || (/^4\d\d$/.test(status) && status !== '429')) return;
      await pause(200 + Math.random() * 300);
    }
  }
}
