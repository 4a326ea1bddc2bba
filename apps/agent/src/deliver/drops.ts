import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic';

/**
 * Snapshots dropped by the spool's bound and not yet reported. The next snapshot taken carries the
 * number (collector.spoolDropped) and resets it; if that snapshot is dropped or refused in turn,
 * what it carried is owed again, so each drop reaches the API once. Kept on disk across restarts.
 */
export class DropCounter {
  private pending: number;

  constructor(private readonly file: string) {
    this.pending = load(file);
  }

  get value(): number {
    return this.pending;
  }

  add(count: number): void {
    if (count <= 0) return;
    this.pending += count;
    this.save();
  }

  /** The count for a new snapshot; the counter starts again from zero. */
  take(): number {
    const count = this.pending;
    if (count > 0) {
      this.pending = 0;
      this.save();
    }
    return count;
  }

  private save(): void {
    writeFileAtomic(this.file, `${JSON.stringify({ dropped: this.pending })}\n`, 0o600);
  }
}

function load(file: string): number {
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { dropped?: unknown }).dropped;
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}
