import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_VERSION } from '../version';
import { retryAfterMs, retryDelayMs } from './retry-after';

describe('Retry-After and backoff', () => {
  it('reads seconds and HTTP dates (RFC 9110, 10.2.3)', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('whenever', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('doubles up to the cap, jitters within the upper half, and never undercuts Retry-After', () => {
    const backoff = { baseMs: 1000, maxMs: 8000 };
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(n, backoff, undefined, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    expect(retryDelayMs(2, backoff, undefined, () => 0)).toBe(2000);
    expect(retryDelayMs(0, backoff, 30_000, () => 1)).toBe(30_000);
  });
});

describe('the agent version', () => {
  it('is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(AGENT_VERSION).toBe(pkg.version);
  });
});
