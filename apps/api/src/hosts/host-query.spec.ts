import { decodeCursor, encodeCursor, globToLike, zeroCountMatches } from './host-query';

describe('host query helpers', () => {
  it('turns a hostname glob into a LIKE pattern, escaping LIKE wildcards', () => {
    expect(globToLike('web-*')).toBe('web-%');
    expect(globToLike('db-?.eu')).toBe('db-_.eu');
    expect(globToLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
  });

  it('keeps hosts without matching rows only when a count of zero matches', () => {
    const none = { gt: null, gte: null, lt: null };
    expect(zeroCountMatches(none)).toBe(false);
    expect(zeroCountMatches({ ...none, lt: 5 })).toBe(true);
    expect(zeroCountMatches({ ...none, gte: 0 })).toBe(true);
    expect(zeroCountMatches({ ...none, gt: 0, lt: 5 })).toBe(false);
    expect(zeroCountMatches({ ...none, gte: 1, lt: 5 })).toBe(false);
  });

  it('round-trips cursors and refuses foreign ones', () => {
    const cursor = { value: 120, hostname: 'web-1' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('not a cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
  });
});
