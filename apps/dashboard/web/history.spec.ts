import { rangeFrom, rangeOptions, windowOf } from './history';

describe('chart windows', () => {
  it('cuts a range into about 60 whole-minute steps, starting on a step', () => {
    const now = Date.parse('2026-01-05T10:07:31Z');
    const window = windowOf(3, now);
    expect(window.stepSeconds).toBe(180);
    expect(window.from % (180 * 1000)).toBe(0);
    expect(window.to).toBe(Date.parse('2026-01-05T10:07:31Z'));
    expect(windowOf(3, now + 999).to).toBe(window.to);
    expect(now - window.from).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(now - window.from).toBeLessThan(3 * 3_600_000 + 180_000);
    expect(windowOf(1, now).stepSeconds).toBe(60);
    expect(windowOf(168, now).stepSeconds).toBe(168 * 60);
  });

  it('takes only the offered ranges from the URL', () => {
    expect(rangeFrom(new URLSearchParams('hours=12'))).toBe(12);
    expect(rangeFrom(new URLSearchParams('hours=5'))).toBe(3);
    expect(rangeOptions().map((option) => option.label)).toEqual(['1 h', '3 h', '12 h', '24 h', '7 d']);
  });
});
