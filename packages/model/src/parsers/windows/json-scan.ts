export interface JsonScan {
  /** The deepest nesting of arrays and objects. */
  depth: number;
  /**
   * starts[d]: the 1-based line of each value that begins inside an array at depth d (depth 0 is
   * the top-level value itself), in order, for d up to 2. Lets warnings name the element's line.
   */
  starts: number[][];
}

/**
 * One pass over JSON text, before JSON.parse, that measures nesting (so absurdly deep input can be
 * refused without recursing into it) and notes where array elements begin. It does not validate.
 */
export function scanJson(text: string): JsonScan {
  const starts: number[][] = [[], [], []];
  const stack: string[] = [];
  let [line, depth, inString, escaped, expectValue] = [1, 0, false, false, true];
  for (const c of text) {
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    const inArray = stack.length === 0 || stack[stack.length - 1] === '[';
    if (expectValue && inArray && c !== ']') starts[stack.length]?.push(line);
    expectValue = false;
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      stack.push(c);
      depth = Math.max(depth, stack.length);
      expectValue = c === '[';
    } else if (c === ']' || c === '}') stack.pop();
    else if (c === ',') expectValue = true;
  }
  return { depth, starts };
}
