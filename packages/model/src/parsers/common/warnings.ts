import type { ParseWarning } from '../../socket';

/**
 * Past this many warnings only a count is kept: a pasted file of garbage must not produce a result
 * larger than the file. The first ones say what went wrong; the total says how much.
 */
export const MAX_WARNINGS = 1000;

/** The warnings of one parse, capped at MAX_WARNINGS; `list()` adds how many were left out. */
export class WarningList {
  private readonly kept: ParseWarning[] = [];
  private dropped = 0;

  push(warning: ParseWarning): void {
    if (this.kept.length < MAX_WARNINGS) this.kept.push(warning);
    else this.dropped++;
  }

  list(): ParseWarning[] {
    if (this.dropped === 0) return this.kept;
    return [...this.kept, { line: 0, message: `${this.dropped} further warnings not shown` }];
  }
}
