import { TcpState } from '../states/tcp-state';
import { Direction, type SocketCount } from '../summary/count';
import { foldCounts } from './fold-counts';

const row = (port: number, count: number, state = TcpState.ESTABLISHED): SocketCount => ({
  state,
  direction: Direction.OUTBOUND,
  port,
  process: 'app',
  count,
});

const total = (counts: readonly SocketCount[]) => counts.reduce((sum, r) => sum + r.count, 0);

describe('foldCounts', () => {
  it('leaves counts that fit alone', () => {
    const counts = [row(443, 3), row(5432, 2)];
    expect(foldCounts(counts, 10)).toEqual({ counts, folded: 0 });
  });

  it('keeps the largest rows and folds the rest into port 0, keeping every socket', () => {
    const counts = [row(443, 50), ...Array.from({ length: 100 }, (_, i) => row(40000 + i, 1))];
    const { counts: folded, folded: howMany } = foldCounts(counts, 10);
    expect(folded.length).toBeLessThanOrEqual(10);
    expect(total(folded)).toBe(total(counts));
    expect(folded[0]).toEqual(row(443, 50));
    expect(folded.find((r) => r.port === 0)).toEqual({
      state: TcpState.ESTABLISHED,
      direction: Direction.OUTBOUND,
      port: 0,
      process: null,
      count: 101 - (10 - 2),
    });
    expect(howMany).toBe(101 - 8);
  });

  it('never sends one key twice when a kept row is already the fold row', () => {
    const counts = [
      { state: TcpState.TIME_WAIT, direction: Direction.OUTBOUND, port: 0, process: null, count: 500 },
      ...Array.from({ length: 50 }, (_, i) => row(40000 + i, 1, TcpState.TIME_WAIT)),
    ];
    const { counts: folded } = foldCounts(counts, 5);
    const keys = folded.map((r) => `${r.state} ${r.direction} ${r.port} ${r.process}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(total(folded)).toBe(550);
  });
});
