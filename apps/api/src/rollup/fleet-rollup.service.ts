import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { MetricsService } from '../metrics/metrics.service';
import { FleetRollupRepository, type RollupWrite } from './fleet-rollup.repository';
import { bucketOf, delayToNextBucket, retentionCutoff } from './rollup-plan';

/**
 * Writes the fleet's totals into its history at the start of every bucket (TCPFLEET_FLEET_ROLLUP_SECONDS,
 * a minute by default) and deletes buckets past retention. Every replica runs it; the bucket's key lets
 * one of them write it. A failed run (the database is down) is logged and counted, and the next bucket
 * is tried as usual. The timer never keeps the process alive, and shutdown waits for a run under way.
 */
@Injectable()
export class FleetRollupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('FleetRollup');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly rollups: FleetRollupRepository,
    private readonly metrics: MetricsService,
    @InjectConfig() private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Takes the bucket `now` falls in (unless a replica took it) and deletes the expired ones. */
  async rollup(now = new Date()): Promise<RollupWrite> {
    const bucket = bucketOf(now, this.config.fleetRollupSeconds);
    const staleBefore = new Date(now.getTime() - this.config.staleAfterSeconds * 1000);
    const written = await this.rollups.write(bucket, staleBefore);
    const expired = await this.rollups.expire(retentionCutoff(now, this.config.retentionDays));
    if (expired > 0) this.logger.log(`deleted ${expired} fleet history buckets past retention`);
    return written;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const written = await this.rollup();
      this.metrics.fleetRollup(written.claimed ? 'written' : 'skipped');
      if (this.failures > 0) this.logger.log(`fleet rollup works again after ${this.failures} failed runs`);
      this.failures = 0;
    } catch (error) {
      this.metrics.fleetRollup('failed');
      // One line at the first failure and every hour of an outage, not one a bucket.
      const every = Math.max(1, Math.round(3600 / this.config.fleetRollupSeconds));
      if (this.failures % every === 0)
        this.logger.error(`fleet rollup failed, trying again next bucket: ${(error as Error).message}`);
      this.failures += 1;
    }
    this.schedule(delayToNextBucket(new Date(), this.config.fleetRollupSeconds));
  }
}
