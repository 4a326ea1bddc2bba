import { Batcher } from './batcher';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('writes a lone item at once and groups items that arrive during a write', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher<number, number>(
      async (items) => {
        batches.push(items);
        await gate;
        return items.map((n) => n * 10);
      },
      { maxBatch: 2, concurrency: 1 },
      () => false,
    );
    const first = batcher.submit(1);
    await tick();
    const rest = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    expect(batches).toEqual([[1]]);
    release();
    gate = Promise.resolve();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('retries items one by one when a shared write fails for one of them', async () => {
    const batcher = new Batcher<number, number>(
      async (items) => {
        if (items.includes(13)) throw new Error('bad item');
        return items;
      },
      { maxBatch: 10, concurrency: 1 },
      () => true,
    );
    const blocker = batcher.submit(0);
    const results = await Promise.allSettled([batcher.submit(12), batcher.submit(13), batcher.submit(14)]);
    await blocker;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole batch when the failure is not the items fault', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async () => {
        calls += 1;
        throw new Error('database down');
      },
      { maxBatch: 10, concurrency: 1 },
      () => false,
    );
    const blocker = batcher.submit(0).catch(() => 'failed');
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(await blocker).toBe('failed');
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(2);
  });
});
