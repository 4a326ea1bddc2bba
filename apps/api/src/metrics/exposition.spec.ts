import { render } from './exposition';
import { Counter, Histogram } from './instruments';

describe('the exposition format', () => {
  it('escapes help text and label values', () => {
    const text = render([
      {
        name: 'x_total',
        help: 'a \\ b\nc',
        type: 'counter',
        samples: [{ labels: { code: 'say "hi"\\\n' }, value: 1 }],
      },
    ]);
    expect(text).toBe(
      '# HELP x_total a \\\\ b\\nc\n# TYPE x_total counter\nx_total{code="say \\"hi\\"\\\\\\n"} 1\n',
    );
  });

  it('renders cumulative histogram buckets, +Inf, sum and count', () => {
    const histogram = new Histogram('t_seconds', 'time', [0.1, 1]);
    for (const value of [0.05, 0.5, 0.5, 3]) histogram.observe({ op: 'query' }, value);
    expect(render([histogram.family()]).split('\n').slice(2, -1)).toEqual([
      't_seconds_bucket{op="query",le="0.1"} 1',
      't_seconds_bucket{op="query",le="1"} 3',
      't_seconds_bucket{op="query",le="+Inf"} 4',
      't_seconds_sum{op="query"} 4.05',
      't_seconds_count{op="query"} 4',
    ]);
  });

  it('folds label sets past the series cap into one "other" series', () => {
    const counter = new Counter('c_total', 'c');
    for (let i = 0; i < 250; i++) counter.inc({ code: `code_${i}` });
    const samples = counter.family().samples;
    expect(samples).toHaveLength(201);
    expect(samples.at(-1)).toEqual({ labels: { code: 'other' }, value: 50 });
  });
});
