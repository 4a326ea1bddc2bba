import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreOwner, StoreLock, StoreLockedError } from './store-lock';

describe('StoreLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcpfleet-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time, says who holds it, and frees on release', async () => {
    const lock = await StoreLock.acquire(dir, 'serve');
    lock.setPort(8123);
    expect(readStoreOwner(dir)).toMatchObject({ pid: process.pid, port: 8123, command: 'serve' });
    const second = StoreLock.acquire(dir, 'migrate');
    await expect(second).rejects.toThrow(StoreLockedError);
    await expect(second).rejects.toThrow(`in use by process ${process.pid} (tcpfleet-api serve)`);
    await lock.release();
    expect(readStoreOwner(dir)).toBeNull();
    const again = await StoreLock.acquire(dir, 'migrate');
    await again.release();
  });
});
