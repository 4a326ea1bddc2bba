/**
 * JSON.parse as body-parser's json parser runs it in strict mode (body-parser 2, lib/types/json.js,
 * MIT): an empty body is `{}`, a body that does not start with `{` or `[` is refused with the
 * SyntaxError JSON.parse would give at its first character, and a leading byte order mark is dropped
 * (iconv-lite's UTF-8 decoding does).
 */
const FIRST_NON_WHITESPACE = /^[ \t\n\r]*([^ \t\n\r])/;
const PLACEHOLDER = '#';
const PLACEHOLDERS = /#+/g;

export function parseJsonBody(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return {};
  try {
    if (body[0] !== '{' && body[0] !== '[') {
      const first = FIRST_NON_WHITESPACE.exec(body)?.[1];
      if (first !== '{' && first !== '[') throw strictSyntaxError(body, first);
    }
    return JSON.parse(body);
  } catch (error) {
    // As body-parser marks it, the text included: body/body-errors.ts names the problem's position.
    throw Object.assign(error as SyntaxError, {
      status: 400,
      statusCode: 400,
      type: 'entity.parse.failed',
      body,
    });
  }
}

/** The error JSON.parse gives for the body's first character, with that character named in it. */
function strictSyntaxError(body: string, first: string | undefined): SyntaxError {
  const index = first === undefined ? -1 : body.indexOf(first);
  const partial = index === -1 ? '' : body.substring(0, index) + PLACEHOLDER.repeat(body.length - index);
  try {
    JSON.parse(partial);
    return new SyntaxError('strict violation');
  } catch (error) {
    const message = (error as Error).message.replace(PLACEHOLDERS, (placeholder) =>
      body.substring(index, index + placeholder.length),
    );
    return new SyntaxError(message);
  }
}
