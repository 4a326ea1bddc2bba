import type { FindingTrend, HistoryPoint } from './finding';
import type { TrendThresholds } from './thresholds';

/** One sample of one key's count. */
export interface Sample {
  at: Date;
  count: number;
}

/** A trend over a window, with what decides whether it grows steadily. */
export interface Trend extends FindingTrend {
  points: number;
  /** The share of steps between consecutive points that did not go down. */
  steadyShare: number;
}

/**
 * The least-squares line through the samples (time in seconds, count in sockets), reported as a
 * slope per minute, with the first and last counts. Samples are taken in time order; undefined
 * for fewer than two samples or samples that all share one time.
 */
export function trendOf(samples: readonly Sample[]): Trend | undefined {
  if (samples.length < 2) return undefined;
  const sorted = [...samples].sort((a, b) => a.at.getTime() - b.at.getTime());
  const start = sorted[0]!.at.getTime();
  const xs = sorted.map((s) => (s.at.getTime() - start) / 1000);
  const ys = sorted.map((s) => s.count);
  const meanX = mean(xs);
  const meanY = mean(ys);
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i]! - meanX) * (ys[i]! - meanY);
    variance += (xs[i]! - meanX) ** 2;
  }
  if (variance === 0) return undefined;
  let steady = 0;
  for (let i = 1; i < ys.length; i++) if (ys[i]! >= ys[i - 1]!) steady++;
  return {
    from: ys[0]!,
    to: ys[ys.length - 1]!,
    windowSeconds: Math.round(xs[xs.length - 1]!),
    perMinute: Math.round((covariance / variance) * 60 * 100) / 100,
    points: ys.length,
    steadyShare: steady / (ys.length - 1),
  };
}

/**
 * "Growing steadily": enough points, a slope of at least `minPerMinute`, a rise of at least
 * `minIncrease` from the first point to the last, and at least `steadyShare` of the steps
 * non-decreasing. The slope alone would call one jump a trend; the steps alone a flat line.
 */
export function growsSteadily(trend: Trend, thresholds: TrendThresholds): boolean {
  return (
    trend.points >= thresholds.minPoints &&
    trend.perMinute >= thresholds.minPerMinute &&
    trend.to - trend.from >= thresholds.minIncrease &&
    trend.steadyShare >= thresholds.steadyShare
  );
}

/**
 * The samples of every key of the history inside the window (now - windowSeconds, now], keyed by
 * `keyOf`, from the key's first point on. History stores no zero rows, so a key missing at a later
 * time that another key has a point at is a sample of zero then. Times before the key's first
 * point are left out: a run of zeros would count as steady steps and hide an unsteady series.
 */
export function samplesByKey(
  history: readonly HistoryPoint[],
  now: Date,
  windowSeconds: number,
  keyOf: (point: HistoryPoint) => string | undefined,
): Map<string, Sample[]> {
  const since = now.getTime() - windowSeconds * 1000;
  const inside = history.filter((p) => p.at.getTime() > since && p.at.getTime() <= now.getTime());
  const times = [...new Set(inside.map((p) => p.at.getTime()))].sort((a, b) => a - b);
  const counts = new Map<string, Map<number, number>>();
  for (const point of inside) {
    const key = keyOf(point);
    if (key === undefined) continue;
    let byTime = counts.get(key);
    if (!byTime) counts.set(key, (byTime = new Map()));
    byTime.set(point.at.getTime(), (byTime.get(point.at.getTime()) ?? 0) + point.count);
  }
  const samples = new Map<string, Sample[]>();
  for (const [key, byTime] of counts) {
    const first = Math.min(...byTime.keys());
    const sampled = times.filter((time) => time >= first);
    samples.set(
      key,
      sampled.map((time) => ({ at: new Date(time), count: byTime.get(time) ?? 0 })),
    );
  }
  return samples;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
