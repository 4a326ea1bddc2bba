import { addressKey, RateLimiter } from './rate-limiter';

describe('addressKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and counts other IPv6 per /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8:0:1:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64');
  });
});

describe('RateLimiter', () => {
  const limits = {
    enrollToken: null,
    enrollAddress: { perMinute: 60, burst: 1 },
    ingestToken: { perMinute: 60, burst: 1 },
    ingestAddress: null,
  };

  it('refuses with the limit named and the wait in whole seconds', () => {
    const limiter = new RateLimiter(limits);
    expect(limiter.check('ingest', '192.0.2.1', 'tfh_a', 0)).toBeNull();
    const refused = limiter.check('ingest', '192.0.2.2', 'tfh_a', 200);
    expect(refused?.code).toBe('rate_limited');
    expect(refused?.details).toEqual({
      limit: { name: 'ingest.token', perMinute: 60, burst: 1 },
      retryAfterSeconds: 1,
    });
    expect(limiter.check('ingest', '192.0.2.2', 'tfh_b', 200)).toBeNull();
  });

  it('limits a request without a bearer by its address only, and skips limits turned off', () => {
    const limiter = new RateLimiter(limits);
    expect(limiter.check('enroll', '192.0.2.1', null, 0)).toBeNull();
    expect(limiter.check('enroll', '192.0.2.1', null, 0)?.message).toContain('enroll.address');
    expect(limiter.check('ingest', '192.0.2.1', null, 0)).toBeNull();
    expect(limiter.check('ingest', '192.0.2.1', null, 0)).toBeNull();
  });
});
