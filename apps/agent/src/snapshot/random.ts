import { closeSync, openSync, readSync } from 'node:fs';

/**
 * `size` random bytes from the kernel's generator through /dev/urandom (random(4) on Linux,
 * FreeBSD and macOS, random(7D) on illumos; systemd's PrivateDevices= keeps it), or
 * from node:crypto where there is no such device (Windows, a chroot without /dev). An id per
 * snapshot is all the agent needs of randomness, and node:crypto costs over a megabyte resident,
 * so it is loaded only then. Early in boot urandom may answer before its pool is seeded (random(4)):
 * harmless for ids, which must be unique, not secret.
 */
export function randomBytes(size: number, device = '/dev/urandom'): Buffer {
  let fd: number;
  try {
    fd = openSync(device, 'r');
  } catch {
    return process.getBuiltinModule('node:crypto').randomBytes(size);
  }
  const bytes = Buffer.alloc(size);
  try {
    for (let filled = 0; filled < size;) {
      const got = readSync(fd, bytes, filled, size - filled, null);
      if (got === 0) throw new Error(`${device} ended after ${filled} of ${size} bytes`);
      filled += got;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
