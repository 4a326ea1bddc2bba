const DAY_MS = 86_400_000;
// Timers may fire a little early; waking this late makes sure the clock has passed the boundary.
const WAKE_AFTER_MS = 20;

/** The bucket a rollup taken at `now` belongs to: `now` rounded down to a whole interval (UTC). */
export function bucketOf(now: Date, intervalSeconds: number): Date {
  const interval = intervalSeconds * 1000;
  return new Date(Math.floor(now.getTime() / interval) * interval);
}

/** Milliseconds from `now` until just after the next bucket starts. */
export function delayToNextBucket(now: Date, intervalSeconds: number): number {
  const next = bucketOf(now, intervalSeconds).getTime() + intervalSeconds * 1000;
  return next - now.getTime() + WAKE_AFTER_MS;
}

/** Buckets before this time are past retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
