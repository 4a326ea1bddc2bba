import type { Family, Labels, Sample } from './exposition';

// Every label value comes from a closed set (codes, states, rules); this cap only guards against a
// mistake that would let a request choose one, which would grow the series without bound.
const MAX_SERIES = 200;
const OVERFLOW = 'other';

const keyOf = (labels: Labels): string => JSON.stringify(Object.entries(labels));

/** Series keyed by their labels, bounded by MAX_SERIES: past it, new label sets share one "other" series. */
class Series<T> {
  private readonly series = new Map<string, { labels: Labels; value: T }>();

  constructor(private readonly initial: () => T) {}

  get(labels: Labels): T {
    let key = keyOf(labels);
    let entry = this.series.get(key);
    if (!entry && this.series.size >= MAX_SERIES) {
      labels = Object.fromEntries(Object.keys(labels).map((name) => [name, OVERFLOW]));
      key = keyOf(labels);
      entry = this.series.get(key);
    }
    if (!entry) {
      entry = { labels, value: this.initial() };
      this.series.set(key, entry);
    }
    return entry.value;
  }

  entries(): { labels: Labels; value: T }[] {
    return [...this.series.values()];
  }
}

export class Counter {
  private readonly series = new Series(() => ({ value: 0 }));

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    this.series.get(labels).value += by;
  }

  family(): Family {
    const samples = this.series.entries().map(({ labels, value }) => ({ labels, value: value.value }));
    return { name: this.name, help: this.help, type: 'counter', samples };
  }
}

interface Buckets {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram {
  private readonly series: Series<Buckets>;

  /** `bounds`: the upper bounds of the buckets, ascending; +Inf is added. */
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
  ) {
    this.series = new Series(() => ({ counts: bounds.map(() => 0), sum: 0, count: 0 }));
  }

  observe(labels: Labels, value: number): void {
    const buckets = this.series.get(labels);
    this.bounds.forEach((bound, index) => {
      if (value <= bound) buckets.counts[index] += 1;
    });
    buckets.sum += value;
    buckets.count += 1;
  }

  family(): Family {
    const samples: Sample[] = [];
    for (const { labels, value } of this.series.entries()) {
      this.bounds.forEach((bound, index) => {
        samples.push({
          suffix: '_bucket',
          labels: { ...labels, le: String(bound) },
          value: value.counts[index],
        });
      });
      samples.push({ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: value.count });
      samples.push(
        { suffix: '_sum', labels, value: value.sum },
        { suffix: '_count', labels, value: value.count },
      );
    }
    return { name: this.name, help: this.help, type: 'histogram', samples };
  }
}

/** Seconds since `started` (from process.hrtime.bigint()). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
