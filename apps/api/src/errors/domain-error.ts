/** Every failure the API reports on purpose. Each edge turns a code into its own answer. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unknown_state'
  | 'enrollment_disabled'
  | 'query_too_complex'
  | 'rate_limited'
  | 'database_unavailable';

/** One field of a request and what is wrong with it: `counts.3.port` must be at most 65535. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function invalidInput(fields: FieldProblem[]): DomainError {
  const list = fields.map((problem) => `${problem.field}: ${problem.reason}`).join('; ');
  return new DomainError('invalid_input', `invalid input: ${list}`, fields);
}

// node-postgres and the pool report a lost or refused server in these ways: socket errors, PostgreSQL's
// class 08 (connection exception) and 57P0x (operator intervention, shutdown) SQLSTATEs
// (https://www.postgresql.org/docs/current/errcodes-appendix.html), and the pool's own timeout.
const DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);
const DOWN_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /not queryable/i,
];

/** True when an error means the database cannot be reached (rather than a bug or a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (DOWN_CODES.has(code) || code.startsWith('08'))) return true;
  return DOWN_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** What body-parser's errors mean to a client (https://github.com/expressjs/body-parser#errors). */
const PARSER_ERRORS: Record<string, [ErrorCode, string]> = {
  'entity.too.large': ['payload_too_large', 'the body is over the limit'],
  'entity.parse.failed': ['invalid_input', 'the body is not valid JSON'],
  'entity.verify.failed': ['invalid_input', 'the body failed verification'],
  'encoding.unsupported': ['unsupported_media_type', 'use Content-Encoding gzip, deflate, br or none'],
  'charset.unsupported': ['unsupported_media_type', 'the body must be UTF-8'],
  'request.aborted': ['invalid_input', 'the request was aborted'],
  'request.size.invalid': ['invalid_input', 'the body is shorter or longer than Content-Length'],
  'stream.encoding.set': ['invalid_input', 'the body could not be read'],
};

/** Turns any error into the domain error the edges report, or null for a bug. */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const parserType = (error as { type?: unknown } | null)?.type;
  if (typeof parserType === 'string' && Object.hasOwn(PARSER_ERRORS, parserType)) {
    const [code, message] = PARSER_ERRORS[parserType];
    return new DomainError(code, message);
  }
  if (isDatabaseUnavailable(error)) {
    return new DomainError('database_unavailable', 'the database is unavailable; retry shortly');
  }
  return null;
}
