import { bearerOf, hashSecret, matchesHash, newSecret, sameSecret } from './secrets';

describe('secrets', () => {
  it('makes distinct prefixed secrets of 256 bits', () => {
    const a = newSecret('host token');
    const b = newSecret('host token');
    expect(a).toMatch(/^tfh_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(newSecret('api key')).toMatch(/^tfk_/);
  });

  it('matches a secret against its stored hash only', () => {
    const secret = newSecret('api key');
    const stored = hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(matchesHash(secret, stored)).toBe(true);
    expect(matchesHash(`${secret}x`, stored)).toBe(false);
    expect(matchesHash(secret, 'not hex')).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('short', 'a much longer secret')).toBe(false);
    expect(sameSecret('same-secret-value', 'same-secret-value')).toBe(true);
  });

  it('reads the bearer credential of an Authorization header', () => {
    expect(bearerOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerOf('bearer  abc ')).toBe('abc');
    expect(bearerOf('Basic abc')).toBeNull();
    expect(bearerOf(undefined)).toBeNull();
    expect(bearerOf(['Bearer a', 'Bearer b'])).toBeNull();
  });
});
