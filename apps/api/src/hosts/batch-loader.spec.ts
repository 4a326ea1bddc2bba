import { BatchLoader } from './batch-loader';

describe('BatchLoader', () => {
  it('loads the keys asked for in one tick with one call', async () => {
    const calls: string[][] = [];
    const loader = new BatchLoader<string, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, key.length]));
    }, 0);
    const values = await Promise.all(['a', 'bb', 'a', 'missing'].map((key) => loader.load(key)));
    expect(values).toEqual([1, 2, 1, 0]);
    expect(calls).toEqual([['a', 'bb', 'missing']]);
    expect(await loader.load('ccc')).toBe(3);
    expect(calls).toHaveLength(2);
  });

  it('fails every waiter of a failed batch', async () => {
    const loader = new BatchLoader<string, number>(async () => {
      throw new Error('down');
    }, 0);
    await expect(Promise.all([loader.load('a'), loader.load('b')])).rejects.toThrow('down');
  });
});
