import { PLATFORMS } from '../collect/platform';
import { linuxOptions, PROC_TREE } from '../../test/fixtures';
import { writeSnapshotJson } from './json';
import { SnapshotTaker } from './take';

async function snapshotOf(maxSockets: number) {
  const taker = new SnapshotTaker({
    os: 'linux',
    platform: PLATFORMS.linux,
    options: linuxOptions(PROC_TREE),
    hostname: 'web-1',
    labels: { tier: 'edge' },
    maxSockets,
  });
  return taker.take();
}

describe('writeSnapshotJson', () => {
  it.each([0, 1, 5000])(
    'writes what JSON.stringify(snapshot, null, 2) writes, %s sockets listed at most',
    async (max) => {
      const snapshot = await snapshotOf(max);
      const chunks: string[] = [];
      writeSnapshotJson(snapshot, (chunk) => chunks.push(chunk));
      expect(chunks.join('')).toBe(`${JSON.stringify(snapshot, null, 2)}\n`);
    },
  );

  it('writes a long list in pieces of about 64 kB', async () => {
    const snapshot = await snapshotOf(5000);
    const many = { ...snapshot, sockets: Array.from({ length: 2000 }, () => snapshot.sockets[0]!) };
    const chunks: string[] = [];
    writeSnapshotJson(many, (chunk) => chunks.push(chunk));
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect(chunks.join('')).toBe(`${JSON.stringify(many, null, 2)}\n`);
  });
});
