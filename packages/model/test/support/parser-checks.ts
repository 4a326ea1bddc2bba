import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FormatName, ParseResult, ParseWarning } from '../../src/socket';

type Parse = (text: string) => ParseResult;

/**
 * The inputs of an OS folder's not-ok set that are no table at all: `garbage.txt` and `binary.bin` give no
 * socket and a warning (`warning` among them, when given), `empty.txt` gives nothing at all. Read as latin1,
 * so every byte of the binary file reaches the parser as one character.
 */
export function itFindsNothingInJunk(parse: Parse, os: string, format: FormatName, warning?: ParseWarning) {
  const broken = (name: string) => readFileSync(join(__dirname, '../fixtures', os, 'not-ok', name), 'latin1');

  it.each(['garbage.txt', 'binary.bin'])('warns about %s and finds nothing', (name) => {
    const result = parse(broken(name));
    expect(result.sockets).toEqual([]);
    expect(result.warnings).toContainEqual(warning ?? expect.anything());
  });

  it('returns nothing for empty input', () => {
    expect(parse(broken('empty.txt'))).toEqual({ format, sockets: [], warnings: [] });
  });
}

/** Any text up to 500 characters gives a result of the parser's format, never an exception. */
export function itNeverThrows(parse: Parse, format: FormatName) {
  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (text) => parse(text).format === format));
  });
}
