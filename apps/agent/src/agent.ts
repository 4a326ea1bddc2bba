import type { Shipper, Delivery } from './deliver/shipper';
import type { DropCounter } from './deliver/drops';
import { reason } from './errors';
import type { Logger } from './log/logger';
import type { SnapshotTaker } from './snapshot/take';

export interface AgentOptions {
  taker: SnapshotTaker;
  shipper: Shipper;
  drops: DropCounter;
  log: Logger;
  intervalMs: number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The `run` loop: a snapshot every interval, delivered or spooled, until stopped. */
export class Agent {
  constructor(private readonly options: AgentOptions) {}

  /** Takes one snapshot and delivers it; `failed` when the sockets could not be read. */
  async tick(): Promise<Delivery | 'failed'> {
    const { taker, shipper, drops, log } = this.options;
    const dropped = drops.take();
    let snapshot;
    try {
      snapshot = await taker.take(dropped);
    } catch (error) {
      drops.add(dropped);
      log.error('snapshot not taken', { reason: reason(error) });
      return 'failed';
    }
    log.debug('snapshot taken', {
      id: snapshot.id,
      sockets: snapshot.collector.socketCount,
      durationMs: snapshot.collector.durationMs,
    });
    return shipper.deliver(snapshot);
  }

  /**
   * Waits a random part of one interval first, so a fleet restarted at once (a deploy, a power
   * cut) spreads its snapshots over the interval instead of hitting the API together, then ticks
   * on a fixed schedule; a tick that overruns skips the slots it missed rather than bunching up.
   */
  async run(stopped: () => boolean): Promise<void> {
    const { intervalMs, sleep } = this.options;
    await sleep(Math.floor((this.options.random ?? Math.random)() * intervalMs));
    let next = Date.now();
    while (!stopped()) {
      await this.tick();
      next += intervalMs;
      const now = Date.now();
      if (next < now) next = now + intervalMs - ((now - next) % intervalMs);
      if (!stopped()) await sleep(next - now);
    }
  }
}
