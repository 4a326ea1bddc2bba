interface Waiter<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

export interface BatcherOptions {
  /** Most items written in one transaction. */
  maxBatch: number;
  /** Transactions in flight at once (PGlite has one connection; PostgreSQL a pool). */
  concurrency: number;
}

/**
 * Group commit: requests that arrive while a transaction is in flight wait and go together in the next
 * one, so under load many snapshots share one commit, and alone a snapshot goes at once. Each caller
 * gets its own outcome only after its batch committed.
 */
export class Batcher<I, O> {
  private readonly queue: Waiter<I, O>[] = [];
  private running = 0;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions,
    private readonly isolates: (error: unknown) => boolean,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: Waiter<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.write(batch.map((waiter) => waiter.item));
      batch.forEach((waiter, index) => waiter.resolve(outcomes[index]));
    } catch (error) {
      // One snapshot that the database refuses must not fail the others sharing its transaction.
      if (batch.length > 1 && this.isolates(error)) {
        await Promise.all(batch.map((waiter) => this.run([waiter])));
        return;
      }
      batch.forEach((waiter) => waiter.reject(error));
    }
  }
}
