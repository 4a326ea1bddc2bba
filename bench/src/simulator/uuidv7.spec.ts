import { Random } from './random';
import { UUID_V7, uuidv7 } from './uuidv7';

describe('uuidv7', () => {
  it('carries the time in its first 48 bits, version 7 and the RFC 9562 variant', () => {
    const at = Date.parse('2026-11-21T10:00:00.123Z');
    const id = uuidv7(at, Random.of(1, 'id'));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('is the same for the same seed and time, and sorts by time', () => {
    expect(uuidv7(1000, Random.of(1, 'a'))).toBe(uuidv7(1000, Random.of(1, 'a')));
    expect(uuidv7(1000, Random.of(1, 'a'))).not.toBe(uuidv7(1000, Random.of(2, 'a')));
    expect(uuidv7(1000, Random.of(9, 'a')) < uuidv7(1001, Random.of(1, 'a'))).toBe(true);
  });
});
