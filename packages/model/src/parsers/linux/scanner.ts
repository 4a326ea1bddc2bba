/**
 * A cursor over one line of a larger text, reading fields in place: no line copy, no split, no
 * regular expression. The /proc parser reads tens of thousands of lines on every collection.
 */
export class Scanner {
  pos = 0;
  end = 0;
  /** How many digits the last hex() or dec() read; 0 means the field was not there. */
  digits = 0;

  constructor(readonly text: string) {}

  /** Points the scanner at text[start, end). */
  line(start: number, end: number): void {
    this.pos = start;
    this.end = end;
  }

  /** Skips blanks; `\r` counts as one so CRLF input reads like LF input. */
  skipSpaces(): void {
    while (this.pos < this.end) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 13) return;
      this.pos++;
    }
  }

  /** True at the end of the line or before a blank: the field just read is complete. */
  atBoundary(): boolean {
    if (this.pos >= this.end) return true;
    const c = this.text.charCodeAt(this.pos);
    return c === 32 || c === 9 || c === 13;
  }

  eat(char: number): boolean {
    if (this.pos < this.end && this.text.charCodeAt(this.pos) === char) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Reads up to `max` hex digits as an unsigned number (exact up to 13 digits). */
  hex(max: number): number {
    let value = 0;
    let n = 0;
    while (n < max && this.pos < this.end) {
      const d = hexDigit(this.text.charCodeAt(this.pos));
      if (d < 0) break;
      value = value * 16 + d;
      n++;
      this.pos++;
    }
    this.digits = n;
    return value;
  }

  /** Reads up to `max` decimal digits (exact while the value stays below 2^53). */
  dec(max: number): number {
    let value = 0;
    let n = 0;
    while (n < max && this.pos < this.end) {
      const d = this.text.charCodeAt(this.pos) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      n++;
      this.pos++;
    }
    this.digits = n;
    return value;
  }

  /** Skips one blank-separated field; false when the line had none left. */
  skipField(): boolean {
    this.skipSpaces();
    const start = this.pos;
    while (!this.atBoundary()) this.pos++;
    return this.pos > start;
  }
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}
