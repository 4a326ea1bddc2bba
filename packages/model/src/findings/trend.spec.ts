import { NOW, secondsBefore, series } from '../../test/findings/hosts';
import { TcpState } from '../states/tcp-state';
import { Direction } from '../summary/count';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { growsSteadily, samplesByKey, trendOf, type Sample } from './trend';

const at = (seconds: number, count: number): Sample => ({
  at: new Date(NOW.getTime() + seconds * 1000),
  count,
});

describe('trendOf', () => {
  it('gives the exact slope of points on a line, per minute', () => {
    // 7 sockets every 20 s: 21 a minute.
    const trend = trendOf([at(0, 10), at(20, 17), at(40, 24), at(60, 31)]);
    expect(trend).toEqual({ from: 10, to: 31, windowSeconds: 60, perMinute: 21, points: 4, steadyShare: 1 });
  });

  it('orders the samples by time before reading them', () => {
    expect(trendOf([at(60, 31), at(0, 10), at(40, 24), at(20, 17)])?.from).toBe(10);
  });

  it('fits a least-squares line through scattered points', () => {
    // x = 0, 60, 120 s; y = 0, 3, 3: slope = sum((x - 60)(y - 2)) / sum((x - 60)^2) = 180 / 7200 per s.
    expect(trendOf([at(0, 0), at(60, 3), at(120, 3)])?.perMinute).toBe(1.5);
  });

  it('counts the share of steps that do not go down', () => {
    expect(trendOf([at(0, 5), at(1, 4), at(2, 4), at(3, 6), at(4, 3)])?.steadyShare).toBe(0.5);
  });

  it('has no trend for one point or for points at one time', () => {
    expect(trendOf([at(0, 1)])).toBeUndefined();
    expect(trendOf([at(0, 1), at(0, 9)])).toBeUndefined();
  });
});

describe('growsSteadily', () => {
  const t = DEFAULT_THRESHOLDS.closeWait;
  const steady = { from: 0, to: 20, windowSeconds: 600, perMinute: 2, points: 21, steadyShare: 1 };

  it('holds when every condition holds, and fails when any one does not', () => {
    expect(growsSteadily(steady, t)).toBe(true);
    expect(growsSteadily({ ...steady, points: t.minPoints - 1 }, t)).toBe(false);
    expect(growsSteadily({ ...steady, perMinute: t.minPerMinute - 0.01 }, t)).toBe(false);
    expect(growsSteadily({ ...steady, to: t.minIncrease - 1 }, t)).toBe(false);
    expect(growsSteadily({ ...steady, steadyShare: t.steadyShare - 0.01 }, t)).toBe(false);
  });
});

describe('samplesByKey', () => {
  const key = { state: TcpState.CLOSE_WAIT, port: 80, direction: Direction.INBOUND, process: null };

  it('keeps the points inside (now - window, now]', () => {
    const history = [
      { ...key, at: secondsBefore(600), count: 1 },
      { ...key, at: secondsBefore(599), count: 2 },
      { ...key, at: NOW, count: 3 },
      { ...key, at: new Date(NOW.getTime() + 1000), count: 4 },
    ];
    const samples = samplesByKey(history, NOW, 600, () => 'k').get('k');
    expect(samples?.map((s) => s.count)).toEqual([2, 3]);
  });

  it('adds up points that share a key and a time, and skips points without a key', () => {
    const history = [...series(key, [1, 2]), ...series({ ...key, process: 'x' }, [10, 20])];
    const samples = samplesByKey(history, NOW, 600, (p) => (p.port === 80 ? 'k' : undefined));
    expect(samples.get('k')?.map((s) => s.count)).toEqual([11, 22]);
    expect(samplesByKey(history, NOW, 600, () => undefined).size).toBe(0);
  });
});
