/**
 * A cursor over one line of a larger byte buffer, reading fields in place: no line copy, no split,
 * no string, no regular expression. The /proc parser reads tens of thousands of lines on every
 * collection, straight from the bytes the kernel wrote. Only ASCII bytes are ever digits or blanks,
 * so UTF-8 text reads the same as the string it encodes.
 */
export class Scanner {
  pos = 0;
  end = 0;
  /** How many digits the last hex() or dec() read; 0 means the field was not there. */
  digits = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** Points the scanner at text[start, end). */
  line(start: number, end: number): void {
    this.pos = start;
    this.end = end;
  }

  /** Skips blanks; `\r` counts as one so CRLF input reads like LF input. */
  skipSpaces(): void {
    const { bytes, end } = this;
    let pos = this.pos;
    while (pos < end && BLANK[bytes[pos]] === 1) pos++;
    this.pos = pos;
  }

  /** True at the end of the line or before a blank: the field just read is complete. */
  atBoundary(): boolean {
    return this.pos >= this.end || BLANK[this.bytes[this.pos]] === 1;
  }

  eat(char: number): boolean {
    if (this.pos < this.end && this.bytes[this.pos] === char) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Reads up to `max` hex digits as an unsigned number (exact up to 13 digits). */
  hex(max: number): number {
    const { bytes } = this;
    const stop = Math.min(this.end, this.pos + max);
    const start = this.pos;
    let value = 0;
    let pos = start;
    for (; pos < stop; pos++) {
      const d = HEX_VALUE[bytes[pos]];
      if (d < 0) break;
      value = value * 16 + d;
    }
    this.digits = pos - start;
    this.pos = pos;
    return value;
  }

  /** Reads up to `max` decimal digits (exact while the value stays below 2^53). */
  dec(max: number): number {
    const { bytes } = this;
    const stop = Math.min(this.end, this.pos + max);
    const start = this.pos;
    let value = 0;
    let pos = start;
    for (; pos < stop; pos++) {
      const d = bytes[pos] - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    this.digits = pos - start;
    this.pos = pos;
    return value;
  }

  /** True when the bytes at `at` (the cursor unless told) spell `ascii`. */
  startsWith(ascii: string, at: number = this.pos): boolean {
    if (at + ascii.length > this.end) return false;
    for (let i = 0; i < ascii.length; i++) {
      if (this.bytes[at + i] !== ascii.charCodeAt(i)) return false;
    }
    return true;
  }

  /** The bytes [start, end) as text; for short ASCII fields such as a state code. */
  ascii(start: number, end: number): string {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(this.bytes[i]);
    return text;
  }

  /** Skips one blank-separated field; false when the line had none left. */
  skipField(): boolean {
    this.skipSpaces();
    const { bytes, end } = this;
    const start = this.pos;
    let pos = start;
    while (pos < end && BLANK[bytes[pos]] === 0) pos++;
    this.pos = pos;
    return pos > start;
  }
}

// Blanks between fields: space, tab, and the `\r` of CRLF input.
const BLANK = new Uint8Array(256);
BLANK[32] = BLANK[9] = BLANK[13] = 1;

// The value of each byte as a hex digit, -1 for any other byte: one load instead of three compares.
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  HEX_VALUE[digit.toString(16).charCodeAt(0)] = digit;
  HEX_VALUE[digit.toString(16).toUpperCase().charCodeAt(0)] = digit;
}
