import { runPool } from './pool';

describe('runPool', () => {
  it('keeps at most `concurrency` calls in flight and answers in the items’ order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runPool([5, 1, 4, 2, 3, 0, 6], 3, async (ms) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return ms * 10;
    });
    expect(most).toBe(3);
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
  });

  it('puts a failure in its item’s place and goes on with the rest', async () => {
    const results = await runPool([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('two');
      return n;
    });
    expect(results[0]).toBe(1);
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toBe('two');
    expect(results[2]).toBe(3);
  });
});
