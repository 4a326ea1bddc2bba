import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst, then one request per refill, and says how long to wait', () => {
    const buckets = new TokenBuckets({ perMinute: 6, burst: 3 });
    const at = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('h', at).allowed)).toEqual([true, true, true]);
    expect(buckets.take('h', at)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(buckets.take('h', at + 4_000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(buckets.take('h', at + 10_000)).toEqual({ allowed: true });
    expect(buckets.take('other', at).allowed).toBe(true);
  });

  it('never holds more than the burst however long a key was idle', () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 });
    buckets.take('h', 0);
    const later = 3_600_000;
    expect([1, 2, 3].map(() => buckets.take('h', later).allowed)).toEqual([true, true, false]);
  });

  it('keeps at most maxKeys buckets, dropping refilled ones first', () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 1 }, 3);
    buckets.take('busy', 0);
    buckets.take('a', 1_000);
    buckets.take('b', 1_000);
    // At 1.5 s 'busy' has refilled and goes; 'a' and 'b' are still spent and stay.
    buckets.take('c', 1_500);
    expect(buckets.size).toBe(3);
    expect(buckets.take('a', 1_600).allowed).toBe(false);
    expect(buckets.take('busy', 1_600).allowed).toBe(true);
  });
});
