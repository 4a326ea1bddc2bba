import { UUID_V7, uuidv7Generator, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('carries the version 7 nibble, the RFC 9562 variant and the millisecond time', () => {
    const at = Date.UTC(2026, 10, 21, 9, 30, 0, 123);
    const id = uuidv7Generator(() => at)();
    expect(id).toMatch(UUID_V7);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('matches the layout of the RFC 9562 appendix A.6 example time', () => {
    // A.6: unix_ts_ms 0x017F22E279B0 (Tuesday, February 22, 2022 2:22:22.00 PM GMT-05:00).
    const id = uuidv7Generator(() => 0x017f22e279b0)();
    expect(id.slice(0, 13)).toBe('017f22e2-79b0');
  });

  it('sorts in creation order within one millisecond and when the clock steps back', () => {
    const clock = [1000, 1000, 1000, 999, 998, 1001];
    const next = uuidv7Generator(() => clock.shift() ?? 1001);
    const ids = Array.from({ length: 6 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(6);
  });

  it('moves to the next millisecond when 4096 ids share one', () => {
    const next = uuidv7Generator(() => 5000);
    const ids = Array.from({ length: 5000 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(uuidv7Time(ids[ids.length - 1] as string)).toBeGreaterThan(5000);
  });
});
