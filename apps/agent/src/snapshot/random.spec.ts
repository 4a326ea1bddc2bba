import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from './random';

describe('randomBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'random-'));

  it('reads the bytes from the device it is given', () => {
    const device = join(dir, 'device');
    writeFileSync(device, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect([...randomBytes(10, device)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('fails on a device that ends before the bytes asked for', () => {
    const device = join(dir, 'short');
    writeFileSync(device, Buffer.from([1, 2, 3]));
    expect(() => randomBytes(8, device)).toThrow(/ended after 3 of 8 bytes/);
  });

  it('gives different bytes each time, from /dev/urandom or, without it, node:crypto', () => {
    for (const device of ['/dev/urandom', join(dir, 'missing')]) {
      const [a, b] = [randomBytes(16, device), randomBytes(16, device)];
      expect(a).toHaveLength(16);
      expect(a.equals(b)).toBe(false);
    }
  });
});
