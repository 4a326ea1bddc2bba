/** Where a text stops being JSON and why, in words a person can act on. */
export interface JsonSyntaxError {
  /** The index of the first character that cannot be there (the text's length when it ends too soon). */
  position: number;
  line: number;
  column: number;
  problem: string;
}

class Stop {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {}
}

const WHITESPACE = /[ \t\n\r]/;
const DIGIT = /[0-9]/;
const HEX = /[0-9A-Fa-f]/;
const ESCAPES = '"\\/bfnrtu';
const LITERALS = ['true', 'false', 'null'];

/** A character as a message shows it: quoted when printable, its code point otherwise (NUL, DEL). */
function shown(character: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)
    ? `'${character}'`
    : `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A JSON (RFC 8259) scanner that builds nothing and only finds the first error, for error messages:
 * JSON.parse names no position for some errors (`Unexpected token 'h', "hello" is not valid JSON`)
 * and words them differently between Node versions. Iterative, so nesting depth costs no stack.
 */
class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  run(): void {
    const open: string[] = [];
    let afterValue = this.value(open);
    for (;;) {
      this.skipWhitespace();
      if (!afterValue) {
        afterValue = this.value(open);
        continue;
      }
      if (open.length === 0) {
        if (this.at < this.text.length) this.fail('more text after the JSON value');
        return;
      }
      const closer = open.at(-1) === '{' ? '}' : ']';
      const character = this.next(`',' or '${closer}'`);
      if (character === closer) {
        open.pop();
      } else if (character === ',') {
        if (closer === '}') this.key();
        afterValue = false;
      } else {
        this.fail(`expected ',' or '${closer}'`, -1);
      }
    }
  }

  /**
   * Reads one value, or opens an object or array (pushed on `open`) and reads up to its first
   * member's value; true when a whole value was read, false when that member's value comes next.
   */
  private value(open: string[]): boolean {
    this.skipWhitespace();
    const character = this.next('a value');
    if (character === '{' || character === '[') {
      this.skipWhitespace();
      if (this.text[this.at] === (character === '{' ? '}' : ']')) {
        this.at += 1;
        return true;
      }
      open.push(character);
      if (character === '{') this.key();
      return false;
    }
    if (character === '"') this.string();
    else if (character === '-' || DIGIT.test(character)) this.number(character);
    else this.literal(character);
    return true;
  }

  private key(): void {
    this.skipWhitespace();
    if (this.next('a double-quoted property name') !== '"') {
      this.fail('expected a double-quoted property name', -1);
    }
    this.string();
    this.skipWhitespace();
    if (this.next("':' after the property name") !== ':') {
      this.fail("expected ':' after the property name", -1);
    }
  }

  /** The rest of a string whose opening quote was read. */
  private string(): void {
    for (;;) {
      const character = this.next("the closing '\"' of a string");
      if (character === '"') return;
      if (character < ' ') this.fail(`control character ${shown(character)} in a string`, -1);
      if (character !== '\\') continue;
      const escape = this.next('an escape sequence');
      if (!ESCAPES.includes(escape)) this.fail(`bad escape sequence \\${escape}`, -1);
      if (escape !== 'u') continue;
      for (let digit = 0; digit < 4; digit += 1) {
        if (!HEX.test(this.next('four hex digits after \\u')))
          this.fail('expected four hex digits after \\u', -1);
      }
    }
  }

  private number(first: string): void {
    if (first === '-' && !DIGIT.test(this.next('a digit after the minus sign'))) {
      this.fail('expected a digit after the minus sign', -1);
    }
    const leading = first === '-' ? this.text[this.at - 1] : first;
    if (leading !== '0') this.digits();
    if (this.text[this.at] === '.') {
      this.at += 1;
      if (!DIGIT.test(this.next('a digit after the decimal point'))) {
        this.fail('expected a digit after the decimal point', -1);
      }
      this.digits();
    }
    if (this.text[this.at] === 'e' || this.text[this.at] === 'E') {
      this.at += 1;
      if (this.text[this.at] === '+' || this.text[this.at] === '-') this.at += 1;
      if (!DIGIT.test(this.next('a digit in the exponent')))
        this.fail('expected a digit in the exponent', -1);
      this.digits();
    }
  }

  private digits(): void {
    while (this.at < this.text.length && DIGIT.test(this.text[this.at])) this.at += 1;
  }

  private literal(first: string): void {
    const literal = LITERALS.find((word) => word[0] === first);
    if (!literal) this.fail(`unexpected character ${shown(first)} where a value should start`, -1);
    for (const expected of literal.slice(1)) {
      const character = this.next(`'${literal}'`);
      if (character !== expected) this.fail(`unexpected character ${shown(character)} in '${literal}'`, -1);
    }
  }

  private skipWhitespace(): void {
    while (this.at < this.text.length && WHITESPACE.test(this.text[this.at])) this.at += 1;
  }

  /** The next character, or a stop at the end of the text saying what was still expected. */
  private next(expected: string): string {
    if (this.at >= this.text.length) {
      throw new Stop(this.text.length, `it ends where ${expected} should follow`);
    }
    const character = this.text[this.at];
    this.at += 1;
    return character;
  }

  /** Stops at the current position, or `offset` from it (-1: the character just read). */
  private fail(problem: string, offset = 0): never {
    throw new Stop(this.at + offset, problem);
  }
}

/** The first syntax error of `text` as JSON, or null when it is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).run();
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.position);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    const column = error.position - before.lastIndexOf('\n');
    return { position: error.position, line, column, problem: error.problem };
  }
}
