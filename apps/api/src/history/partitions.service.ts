import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { expiredPartitions, wantedPartitions } from './partition-plan';
import { PARTITIONED_TABLES, PartitionsRepository } from './partitions.repository';

const HOUR_MS = 3_600_000;

/** Keeps daily partitions ahead of time and drops those past retention; runs at start and hourly. */
@Injectable()
export class PartitionsService implements OnModuleDestroy {
  private readonly logger = new Logger('Partitions');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly partitions: PartitionsRepository,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** Brings the partitions up to date now, then hourly. */
  async start(): Promise<void> {
    await this.maintain();
    this.timer = setInterval(() => {
      this.maintain().catch((error: Error) =>
        this.logger.error(`partition maintenance failed: ${error.message}`),
      );
    }, HOUR_MS);
    this.timer.unref();
  }

  async maintain(now = new Date()): Promise<{ created: string[]; dropped: string[] }> {
    const created: string[] = [];
    const dropped: string[] = [];
    const wanted = wantedPartitions(now, this.config.retentionDays, this.config.partitionsAheadDays);
    for (const table of PARTITIONED_TABLES) {
      const existing = new Set(await this.partitions.list(table));
      for (const day of wanted) {
        const name = `${table}_${day.suffix}`;
        if (existing.has(name)) continue;
        await this.partitions.create(table, name, day.from, day.to);
        created.push(name);
      }
      for (const name of expiredPartitions([...existing], now, this.config.retentionDays)) {
        await this.partitions.drop(name);
        dropped.push(name);
      }
    }
    if (dropped.length > 0) this.logger.log(`dropped partitions past retention: ${dropped.join(', ')}`);
    return { created, dropped };
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
