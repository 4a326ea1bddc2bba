import { latencyOf, percentile } from './stats';

describe('latency figures', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('sorts the samples itself and rounds to hundredths', () => {
    expect(latencyOf([3, 1, 2.005, 10])).toEqual({
      samples: 4,
      p50: 2.01,
      p95: 10,
      p99: 10,
      max: 10,
      mean: 4,
    });
  });
});
