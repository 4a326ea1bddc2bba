import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';

/** The Content-Encodings the API decompresses; anything else is refused before a byte is read. */
export const BODY_ENCODINGS: readonly string[] = ['identity', 'gzip', 'deflate', 'br'];

/** A request with body bytes to read (an empty POST, such as revoke-tokens, has none). */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

/**
 * 415 for a body in an encoding the API does not speak (`zstd`, a list of several), naming the header,
 * so the answer does not depend on what the running Node.js version's zlib happens to know.
 */
export function knownEncoding(request: Request, _response: Response, next: NextFunction): void {
  const encoding = request.headers['content-encoding']?.trim().toLowerCase() ?? 'identity';
  if (!hasBody(request) || BODY_ENCODINGS.includes(encoding)) return next();
  next(
    new DomainError(
      'unsupported_media_type',
      `Content-Encoding ${JSON.stringify(encoding)} is not supported: send the body uncompressed or as gzip, deflate or br`,
    ),
  );
}

/** 415 for a REST body that is not application/json, naming the type expected and the type given. */
export function jsonOnly(request: Request, _response: Response, next: NextFunction): void {
  const type = request.headers['content-type'];
  if (!hasBody(request) || type?.split(';')[0].trim().toLowerCase() === 'application/json') return next();
  const given = type === undefined ? 'none was given' : `not ${JSON.stringify(type.slice(0, 100))}`;
  next(new DomainError('unsupported_media_type', `Content-Type must be application/json (${given})`));
}
