import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { DomainError } from '../errors/domain-error';
import { checkSnapshot, type CheckedSnapshot, type CheckOutcome, type ReceivedBody } from './snapshot-check';

interface Job {
  resolve: (outcome: CheckOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

// The worker's file beside this one: .js when built, .ts when run from source (the workers inherit the
// process's -r hooks).
const WORKER_FILE = join(__dirname, `check-worker${extname(__filename)}`);

/**
 * Reads snapshot bodies into what ingestion writes (checkSnapshot: inflate, parse, check, digest, count
 * rows) on a pool of worker threads, so that one API process ingests on several cores: that work is
 * about half of a snapshot's cost, and the main thread keeps HTTP and the writes. Each body goes to
 * the worker with the fewest jobs; only the body's compressed bytes go there and only the small
 * checked parts come back. A worker that dies fails its jobs (500) and is replaced. With
 * TCPFLEET_INGEST_WORKERS=0 the main thread checks each body itself.
 */
@Injectable()
export class SnapshotReader implements OnApplicationShutdown {
  private readonly logger = new Logger('SnapshotReader');
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closing = false;

  constructor(@InjectConfig() private readonly config: Config) {
    for (let index = 0; index < config.ingestWorkers; index += 1) this.slots.push(this.spawn());
  }

  /** The checked snapshot, or the DomainError that answers the body (400, 413). */
  async read(received: ReceivedBody): Promise<CheckedSnapshot> {
    const outcome =
      this.slots.length === 0
        ? checkSnapshot(received, this.config.maxBodyBytes)
        : await this.onWorker(received);
    if ('refused' in outcome) {
      const { code, message, fields } = outcome.refused;
      throw new DomainError(code, message, fields);
    }
    return outcome.snapshot;
  }

  /** After the HTTP server closed, so the requests still being answered get their checks done. */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private onWorker(received: ReceivedBody): Promise<CheckOutcome> {
    let slot = this.slots[0];
    for (const candidate of this.slots) if (candidate.jobs.size < slot.jobs.size) slot = candidate;
    const id = this.nextId++;
    // A copy of exactly the body's bytes, handed over rather than cloned: the body may be a view
    // into a larger buffer, all of which a clone would copy. The original stays for storage.
    const sent = Uint8Array.prototype.slice.call(received.sent);
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, received: { sent, encoding: received.encoding } }, [sent.buffer]);
    });
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE, { workerData: { limit: this.config.maxBodyBytes } });
    const slot: Slot = { worker, jobs: new Map() };
    worker.on('message', (message: { id: number; outcome?: CheckOutcome; failure?: string }) => {
      const job = slot.jobs.get(message.id);
      slot.jobs.delete(message.id);
      if (message.outcome) job?.resolve(message.outcome);
      else job?.reject(new Error(`checking a snapshot failed: ${message.failure}`));
    });
    worker.on('error', (error) => this.logger.error(`a snapshot worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      for (const job of slot.jobs.values()) job.reject(new Error(`the snapshot worker exited (${code})`));
      slot.jobs.clear();
      if (this.closing) return;
      const index = this.slots.indexOf(slot);
      if (index !== -1) this.slots[index] = this.spawn();
    });
    // The HTTP server keeps the process alive; idle workers must not keep it from ending.
    worker.unref();
    return slot;
  }
}
