import { linear, niceTicks, timeTicks } from './scale';

describe('niceTicks', () => {
  it('reaches the maximum in steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(437)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(20006)).toEqual([0, 10000, 20000, 30000]);
  });

  it('never steps below one socket, and draws an empty chart from 0 to 1', () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('linear', () => {
  it('maps the domain onto the range, reversed ranges included', () => {
    const y = linear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linear([5, 5], [10, 20])(5)).toBe(10);
  });
});

describe('timeTicks', () => {
  it('puts a few round times inside the window', () => {
    const from = Date.parse('2026-01-05T07:07:00Z');
    const to = Date.parse('2026-01-05T10:07:00Z');
    expect(timeTicks(from, to).map((at) => new Date(at).toISOString().slice(11, 16))).toEqual([
      '08:00',
      '09:00',
      '10:00',
    ]);
  });
});
