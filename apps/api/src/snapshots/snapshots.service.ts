import { Inject, Injectable } from '@nestjs/common';
import type { SnapshotReceipt, SnapshotV1 } from '@tcpfleet/model';
import type { TokenHost } from '../auth/host-tokens.repository';
import type { Config } from '../config/config';
import type { Database } from '../database/database';
import { DATABASE, InjectConfig } from '../database/database.module';
import { DomainError, invalidInput, isDatabaseUnavailable } from '../errors/domain-error';
import { MetricsService } from '../metrics/metrics.service';
import { Batcher } from './batcher';
import type { IngestOutcome } from './ingest-plan';
import type { ReceivedBody } from './snapshot-check';
import { SnapshotReader } from './snapshot-reader';
import { storedSnapshot } from './socket-list';
import { SnapshotsRepository, type IngestSnapshot } from './snapshots.repository';

const DAY_MS = 86_400_000;

@Injectable()
export class SnapshotsService {
  private readonly batcher: Batcher<IngestSnapshot, IngestOutcome>;

  constructor(
    repository: SnapshotsRepository,
    @InjectConfig() private readonly config: Config,
    @Inject(DATABASE) database: Database,
    private readonly metrics: MetricsService,
    private readonly reader: SnapshotReader,
  ) {
    // Few transactions with many snapshots each cost less per snapshot than many small ones: each
    // has its round trips, its plans and its commit. With 50 agents on 2 cores, 2 in flight took
    // 40% more snapshots a second than the 5 a pool of 10 used to allow (bench/).
    const concurrency =
      database.engine === 'pglite'
        ? 1
        : Math.max(1, Math.min(config.ingestTransactions, config.databasePoolSize - 1));
    this.batcher = new Batcher(
      (items) => repository.ingest(items),
      { maxBatch: 50, concurrency },
      (error) => {
        return !isDatabaseUnavailable(error);
      },
    );
  }

  /**
   * Stores a snapshot of the token's host from its body as received, checked by the reader (a worker
   * thread: inflate, parse, check, digest, count rows), and answers once it is committed, or was
   * stored before. The digest that tells a retry from another snapshot reusing the id is of the
   * inflated bytes: a retry sends the same JSON again.
   */
  async ingest(host: TokenHost, received: ReceivedBody, now = new Date()): Promise<SnapshotReceipt> {
    const checked = await this.reader.read(received);
    this.checkOwner(host, checked.host);
    const collectedAt = this.checkTime(checked.collectedAt, now);
    const { id, rows } = checked;
    const { host: facts, collector, listeners, destinations } = checked;
    const outcome = await this.batcher.submit({
      hostId: host.hostId,
      snapshotId: id.toLowerCase(),
      collectedAt,
      digest: checked.digest,
      snapshot: { host: facts, collector, listeners, destinations },
      rows,
      socketList: storedSnapshot(received, checked),
    });
    if (outcome.kind === 'conflict') {
      throw new DomainError('conflict', `${outcome.message}; a new snapshot needs a new id`, [
        { field: 'id', reason: 'already used by a snapshot with other content' },
      ]);
    }
    const written = outcome.created ? rows.length : 0;
    this.metrics.snapshotAccepted(outcome.created, written, outcome.current ? written : 0);
    return { id, created: outcome.created, current: outcome.current };
  }

  private checkOwner(host: TokenHost, facts: SnapshotV1['host']): void {
    if (facts.hostname !== host.hostname) {
      throw new DomainError(
        'forbidden',
        `this token belongs to host ${host.hostname}; it cannot write snapshots of ${facts.hostname}`,
      );
    }
    const machineId = facts.machineId;
    if (host.machineId !== null && machineId !== undefined && machineId !== host.machineId) {
      throw new DomainError('forbidden', `host ${host.hostname} was enrolled with another machine id`);
    }
  }

  /** A time within the history kept and not ahead of the server's clock by more than the skew allowed. */
  private checkTime(collectedAt: string, now: Date): Date {
    const at = new Date(collectedAt);
    if (Number.isNaN(at.getTime()))
      throw invalidInput([{ field: 'collectedAt', reason: 'is not a valid time' }]);
    if (at.getTime() > now.getTime() + this.config.maxClockSkewSeconds * 1000) {
      throw invalidInput([
        {
          field: 'collectedAt',
          reason: `is ahead of the server clock by more than ${this.config.maxClockSkewSeconds}s`,
        },
      ]);
    }
    if (at.getTime() < now.getTime() - this.config.retentionDays * DAY_MS) {
      throw invalidInput([
        {
          field: 'collectedAt',
          reason: `is older than the ${this.config.retentionDays} days of history kept`,
        },
      ]);
    }
    return at;
  }
}
