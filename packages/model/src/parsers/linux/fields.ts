/** Blank-separated fields of a line, and where each ends, so free-form text after them can be cut. */
export interface Fields {
  values: string[];
  /** ends[i] is the offset just past values[i]. */
  ends: number[];
}

const FIELD = /\S+/g;

/** Reads at most `count` blank-separated fields from the start of `line`. */
export function fields(line: string, count: number): Fields {
  const values: string[] = [];
  const ends: number[] = [];
  FIELD.lastIndex = 0;
  while (values.length < count) {
    const match = FIELD.exec(line);
    if (!match) break;
    values.push(match[0]);
    ends.push(FIELD.lastIndex);
  }
  return { values, ends };
}

/** Splits text into lines, dropping the `\r` of CRLF endings. */
export function lines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** A queue length as the tools print it: a decimal 32-bit unsigned number. */
export function parseQueue(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 0xffffffff ? value : undefined;
}

/** Input text quoted for a warning: escaped (control bytes stay readable) and cut at 40 characters. */
export function quote(text: string): string {
  return text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}...` : JSON.stringify(text);
}
