import { bucketOf, delayToNextBucket, retentionCutoff } from './rollup-plan';

describe('rollup plan', () => {
  const now = new Date('2026-03-01T13:07:42.250Z');

  it('puts a rollup in the whole interval it was taken in', () => {
    expect(bucketOf(now, 60).toISOString()).toBe('2026-03-01T13:07:00.000Z');
    expect(bucketOf(now, 1).toISOString()).toBe('2026-03-01T13:07:42.000Z');
    expect(bucketOf(now, 300).toISOString()).toBe('2026-03-01T13:05:00.000Z');
    expect(bucketOf(new Date('2026-03-01T13:08:00.000Z'), 60).toISOString()).toBe('2026-03-01T13:08:00.000Z');
  });

  it('wakes just after the next bucket starts, so every replica takes the same one', () => {
    const delay = delayToNextBucket(now, 60);
    expect(delay).toBeGreaterThan(17_750);
    expect(delay).toBeLessThan(17_750 + 100);
    const woken = new Date(now.getTime() + delay);
    expect(bucketOf(woken, 60).toISOString()).toBe('2026-03-01T13:08:00.000Z');
  });

  it('keeps the retention window in days', () => {
    expect(retentionCutoff(now, 14).toISOString()).toBe('2026-02-15T13:07:42.250Z');
  });
});
