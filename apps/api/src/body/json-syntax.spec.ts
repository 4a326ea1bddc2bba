import fc from 'fast-check';
import { findJsonSyntaxError } from './json-syntax';

/** The position JSON.parse names, when its message names one (Node 20: most errors, not all). */
function parsePosition(text: string): number | 'valid' | 'unnamed' {
  try {
    JSON.parse(text);
    return 'valid';
  } catch (error) {
    const named = /at position (\d+)/.exec((error as Error).message);
    return named ? Number(named[1]) : 'unnamed';
  }
}

// Texts near JSON: pieces of it put together at random, so most are broken in one place or another.
const PIECES = ['{', '}', '[', ']', ',', ':', '"a"', '"b\\n"', '"\\u00e9"', '"\\x"', '"\\u12"', '"\u0001"'];
const MORE = ['1', '-0.5e+3', '01', '-', '1.', '1e', 'true', 'tru', 'null', 'nul', ' ', '\n', 'x', '\u0000'];
const nearJson = fc
  .array(fc.constantFrom(...PIECES, ...MORE), { maxLength: 16 })
  .map((parts) => parts.join(''));

describe('findJsonSyntaxError', () => {
  it('finds no error exactly where JSON.parse succeeds, and the position JSON.parse names', () => {
    fc.assert(
      fc.property(fc.oneof(nearJson, fc.json(), fc.string()), (text) => {
        const expected = parsePosition(text);
        const found = findJsonSyntaxError(text);
        if (expected === 'valid') expect(found).toBeNull();
        else expect(found).not.toBeNull();
        if (typeof expected === 'number') expect(found?.position).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('names the problem, its position, line and column', () => {
    expect(findJsonSyntaxError('{"version":1,"id":')).toEqual({
      position: 18,
      line: 1,
      column: 19,
      problem: 'it ends where a value should follow',
    });
    expect(findJsonSyntaxError('{\n  "version": 1,\n}')).toEqual({
      position: 18,
      line: 3,
      column: 1,
      problem: 'expected a double-quoted property name',
    });
    expect(findJsonSyntaxError('hello')?.problem).toBe("unexpected character 'h' where a value should start");
    expect(findJsonSyntaxError('{"a":tru}')).toMatchObject({
      position: 8,
      problem: "unexpected character '}' in 'true'",
    });
    expect(findJsonSyntaxError('\u0000')?.problem).toBe(
      'unexpected character U+0000 where a value should start',
    );
    expect(findJsonSyntaxError('{"a":1}}')?.problem).toBe('more text after the JSON value');
    expect(findJsonSyntaxError('{"a":"\u0007"}')?.problem).toBe('control character U+0007 in a string');
  });

  it('takes nesting of any depth without running out of stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(findJsonSyntaxError(deep)).toMatchObject({
      position: deep.length,
      problem: expect.stringMatching(/ends/),
    });
    expect(findJsonSyntaxError(`${deep}]`)).toBeNull();
  });
});
