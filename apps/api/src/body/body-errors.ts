import type { NextFunction, Request, Response } from 'express';
import { asDomainError, DomainError } from '../errors/domain-error';
import { findJsonSyntaxError } from './json-syntax';

/** A body that does not decompress as its Content-Encoding says: the client's mistake, a 400. */
export function notDecodable(encoding: string, reason: string): DomainError {
  return new DomainError(
    'invalid_input',
    `the body does not decompress as its Content-Encoding (${encoding}) says: ${reason}`,
  );
}

/** Why JSON.parse refused a body, where, in words a person can act on. */
export function jsonProblem(text: string): string {
  const error = findJsonSyntaxError(text);
  if (error) {
    const where = `position ${error.position} (line ${error.line}, column ${error.column})`;
    return `the body is not valid JSON: ${error.problem} at ${where}`;
  }
  // JSON all the same, but not what a body may be (body-parser's strict mode, which the API keeps).
  const found = text.trim();
  const shown = found.length > 20 ? `${found.slice(0, 20)}...` : found;
  return `the body must be a JSON object, not ${shown} (at position ${text.search(/[^ \t\n\r]/)})`;
}

/**
 * The REST answer to a body that could not be read, whichever reader read it (snapshot-body.ts or
 * body-parser): malformed JSON names the problem and its position, a body that does not decompress
 * names its Content-Encoding, and body-parser's other errors map as errors/domain-error.ts says. Nest
 * would otherwise answer a SyntaxError as a bare `http_400` and a decompression error as a 500.
 */
export function bodyError(error: unknown, request: Request): DomainError | null {
  if (error instanceof DomainError) return error;
  const failure = error as { type?: unknown; body?: unknown; status?: unknown; message?: unknown } | null;
  if (failure?.type === 'entity.parse.failed') {
    const text = failure.body;
    const message =
      typeof text === 'string' ? jsonProblem(text) : `the body is not valid JSON: ${String(failure.message)}`;
    return new DomainError('invalid_input', message);
  }
  // body-parser passes the decompressor's own error on untyped, with status 400 (lib/read.js).
  const encoding = request.headers['content-encoding']?.trim().toLowerCase() ?? 'identity';
  if (failure && failure.type === undefined && failure.status === 400 && encoding !== 'identity') {
    return notDecodable(encoding, String(failure.message));
  }
  return asDomainError(error);
}

/** An error middleware after the body readers: their failures leave as domain errors. */
export function bodyErrors(error: unknown, request: Request, _response: Response, next: NextFunction): void {
  next(bodyError(error, request) ?? error);
}
