import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Files whose name starts with this are writes in progress; a crash may leave them behind. */
export const TEMP_PREFIX = '.tmp-';

/**
 * Writes a file so that a reader sees either the old content or the whole new one, never a part:
 * a temporary file in the same directory, fsync, rename over the target (rename(2) is atomic
 * within a filesystem), then fsync of the directory so the rename itself survives a power loss.
 */
export function writeFileAtomic(path: string, data: Buffer | string, mode = 0o644): void {
  const temp = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${basename(path)}`);
  const fd = openSync(temp, 'w', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
  syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
