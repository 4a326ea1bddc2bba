import { createHash } from 'node:crypto';

/** What tells a retry of a snapshot (same digest) from another snapshot reusing its id. */
export function digestOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
