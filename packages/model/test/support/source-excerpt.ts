/**
 * Small readers for the verbatim source excerpts in `sources/`: C enums, #defines, C string arrays,
 * switch statements and Microsoft documentation tables. The vocabulary specs use them to prove each
 * table against the primary source it cites, so they understand exactly the shapes those files have.
 */

/** The line that ends an excerpt file's provenance header; the verbatim excerpt follows it. */
export const EXCERPT_MARKER = '--- verbatim excerpt below ---';

/** One state as a primary source defines it: the name it prints or declares and its number. */
export interface SourceState {
  readonly name: string;
  readonly code: number;
}

/** The verbatim part of an excerpt file, without its provenance header. */
export function excerptBody(file: string): string {
  const at = file.indexOf(`${EXCERPT_MARKER}\n`);
  if (at < 0) throw new Error(`excerpt file has no "${EXCERPT_MARKER}" line`);
  return file.slice(at + EXCERPT_MARKER.length + 1);
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/** The text between `open` (searched from `from`) and the next `close`, comments removed. */
function block(text: string, from: number, open: string, close: string): string {
  const start = text.indexOf(open, from);
  const end = text.indexOf(close, start + 1);
  if (from < 0 || start < 0 || end < 0) throw new Error(`no ${open}...${close} block found`);
  return withoutComments(text.slice(start + open.length, end));
}

/**
 * Members of the C enum whose first member is `firstMember`, with C's numbering: an explicit
 * `= n` sets the value, every other member is one more than the previous (the first is 0).
 */
export function parseCEnum(body: string, firstMember: string): SourceState[] {
  const text = withoutComments(body);
  const first = text.indexOf(firstMember);
  if (first < 0) throw new Error(`no enum member ${firstMember}`);
  const members = block(text, text.lastIndexOf('{', first), '{', '}');
  const states: SourceState[] = [];
  let next = 0;
  for (const item of members.split(',').map((part) => part.trim())) {
    if (item === '') continue;
    const match = /^(\w+)(?:\s*=\s*(-?\d+))?$/.exec(item);
    if (!match) throw new Error(`unreadable enum member "${item}"`);
    const code = match[2] === undefined ? next : Number(match[2]);
    states.push({ name: match[1], code });
    next = code + 1;
  }
  return states;
}

/** Every `#define NAME number` whose name starts with `prefix`. */
export function parseDefines(body: string, prefix: string): SourceState[] {
  const pattern = new RegExp(`^#define\\s+(${prefix}\\w*)\\s+(-?\\d+)\\b`, 'gm');
  return [...body.matchAll(pattern)].map((match) => ({ name: match[1], code: Number(match[2]) }));
}

/**
 * The C string array `arrayName[] = { ... }` as (index, string) pairs, with C's rules for
 * designated initializers: `[SYMBOL] = "s"` puts "s" at SYMBOL's value (looked up in `symbols`),
 * a plain `"s"` (or gettext's `N_("s")`) goes right after the previous element.
 */
export function parseStringArray(
  body: string,
  arrayName: string,
  symbols: readonly SourceState[] = [],
): SourceState[] {
  const elements = block(body, body.indexOf(`${arrayName}[]`), '{', '}');
  const states: SourceState[] = [];
  let position = 0;
  for (const item of elements.split(',').map((part) => part.trim())) {
    if (item === '') continue;
    const match = /^(?:\[(\w+)\]\s*=\s*)?(?:N_\(\s*)?"([^"]*)"\s*\)?$/.exec(item);
    if (!match) throw new Error(`unreadable array element "${item}"`);
    if (match[1] !== undefined) position = symbolValue(symbols, match[1]);
    states.push({ name: match[2], code: position });
    position += 1;
  }
  return states;
}

function symbolValue(symbols: readonly SourceState[], name: string): number {
  const symbol = symbols.find((candidate) => candidate.name === name);
  if (!symbol) throw new Error(`unknown array index symbol ${name}`);
  return symbol.code;
}

/** The `case SYMBOL: cp = "name";` pairs of a C switch that names states. */
export function parseCaseNames(body: string): { symbol: string; name: string }[] {
  const pattern = /case\s+(\w+):\s*cp\s*=\s*"([^"]*)"/g;
  return [...body.matchAll(pattern)].map((match) => ({ symbol: match[1], name: match[2] }));
}

/** Rows of a Microsoft documentation value table: `<dt>**Name**</dt> <dt>number</dt>`. */
export function parseDocValueTable(body: string): SourceState[] {
  const pattern = /<dt>\*\*(\w+)\*\*<\/dt>\s*<dt>(\d+)<\/dt>/g;
  return [...body.matchAll(pattern)].map((match) => ({ name: match[1], code: Number(match[2]) }));
}

/** The names of a PowerShell help page's `Accepted values:` line. */
export function parseAcceptedValues(body: string): string[] {
  const match = /^Accepted values:\s*(.+)$/m.exec(body);
  if (!match) throw new Error('no "Accepted values:" line');
  return match[1].split(',').map((value) => value.trim());
}

/** The non-empty lines strictly between the line containing `after` and the one containing `before`. */
export function linesBetween(body: string, after: string, before: string): string[] {
  const lines = body.split('\n');
  const start = lines.findIndex((line) => line.includes(after));
  const end = lines.findIndex((line, index) => index > start && line.includes(before));
  if (start < 0 || end < 0) throw new Error(`no lines between "${after}" and "${before}"`);
  return lines
    .slice(start + 1, end)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The State column of every TCP row of Windows netstat output (rows may carry a `- ` list prefix). */
export function parseNetstatStates(body: string): string[] {
  const pattern = /^[-\s]*TCP\s+\S+\s+\S+\s+([A-Za-z_]+)/gm;
  return [...body.matchAll(pattern)].map((match) => match[1]);
}
