import { formatAgo, formatCount, formatEndpoint } from './format';

describe('formatting', () => {
  it('writes counts in full, or short on tiles from ten thousand on', () => {
    expect(formatCount(2286)).toBe('2,286');
    expect(formatCount(2286, true)).toBe('2,286');
    expect(formatCount(20806, true)).toBe('20.8K');
  });

  it('says how long ago, coarsely', () => {
    const now = Date.parse('2026-01-05T10:00:00Z');
    expect(formatAgo(null, now)).toBe('never');
    expect(formatAgo('2026-01-05T09:59:58Z', now)).toBe('just now');
    expect(formatAgo('2026-01-05T09:59:18Z', now)).toBe('42 s ago');
    expect(formatAgo('2026-01-05T09:55:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-01-05T07:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo('2026-01-03T10:00:00Z', now)).toBe('2 d ago');
  });

  it('brackets IPv6 addresses before a port', () => {
    expect(formatEndpoint('10.0.0.1', 443)).toBe('10.0.0.1:443');
    expect(formatEndpoint('::', 22)).toBe('[::]:22');
  });
});
