import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { BODY_DECODERS, type BodyEncoding, type ReceivedBody } from './snapshot-check';

/** A request whose snapshot body snapshotBody read off the wire. */
export interface SnapshotRequest extends Request {
  received?: ReceivedBody;
}

/** An error as body-parser makes it: its `type` is what errors/domain-error.ts maps to an answer. */
function parserError(status: number, message: string, type: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

const tooLarge = () => parserError(413, 'request entity too large', 'entity.too.large');

/** Media type application/json (a charset, if any, is checked apart): anything else is left on. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** The charset parameter of a JSON media type names UTF-8, or there is none. */
function isUtf8(contentType: string): boolean {
  return contentType
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase())
    .every((parameter) => !parameter.startsWith('charset=') || /^charset="?utf-8"?$/.test(parameter));
}

/**
 * The body of `POST /v1/snapshots`, read whole as it came (request.received): inflating, parsing and
 * checking it is snapshot-check.ts's work, on a worker thread (snapshot-reader.ts), after the token
 * was checked. body-parser inflates through a zlib stream, a few callbacks and buffers per request, a
 * tenth of the API's time under ingestion load. This reader answers as body-parser does for what it
 * reads: the same limits (the compressed bytes may exceed the inflated limit by 64 KiB, and the
 * inflated size is held to it later), the same errors for short or aborted bodies. JSON in another
 * charset than UTF-8 is a 415: JSON between systems is UTF-8 (RFC 8259, 8.1). Media types and
 * encodings the API does not take are left to the checks before (media-type.ts).
 */
export function snapshotBody(limit: number) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const headers = request.headers;
    const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const hasBody =
      headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(headers['content-length']));
    const type = headers['content-type'];
    if (request.method !== 'POST' || !hasBody || !isJson(type) || !Object.hasOwn(BODY_DECODERS, encoding)) {
      return next();
    }
    if (type !== undefined && !isUtf8(type)) {
      return next(
        new DomainError(
          'unsupported_media_type',
          `snapshots are JSON in UTF-8 (RFC 8259): ${JSON.stringify(type.slice(0, 100))} is not taken`,
        ),
      );
    }
    const identity = encoding === 'identity';
    const length =
      identity && headers['content-length'] !== undefined ? Number(headers['content-length']) : null;
    readWhole(request, length, identity ? limit : limit + 65_536, (error, raw) => {
      if (error) return next(error);
      (request as SnapshotRequest).received = { sent: raw, encoding: encoding as BodyEncoding };
      next();
    });
  };
}

/**
 * The request's bytes, at most `limit` of them, as raw-body reads them: a declared length over the
 * limit fails at once, more bytes than the limit or than declared fail, and a failed request is read
 * to its end before the answer, so that the client sees it.
 */
function readWhole(
  request: Request,
  length: number | null,
  limit: number,
  done: (error: Error | null, body: Buffer) => void,
): void {
  let answered = false;
  const answer = (error: Error) => {
    if (!answered) done(error, Buffer.alloc(0));
    answered = true;
  };
  const fail = (error: Error) => {
    request.removeAllListeners('data');
    request.resume();
    if (request.complete) answer(error);
    else request.once('end', () => answer(error)).once('close', () => answer(error));
  };
  if (length !== null && length > limit) return fail(tooLarge());
  const chunks: Buffer[] = [];
  let received = 0;
  let finished = false;
  const finish = (error: Error | null) => {
    if (finished) return;
    finished = true;
    if (error) return fail(error);
    if (length !== null && received !== length) {
      return fail(parserError(400, 'request size did not match content length', 'request.size.invalid'));
    }
    done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
  };
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) finish(tooLarge());
    else if (!finished) chunks.push(chunk);
  });
  request.once('end', () => finish(null));
  const aborted = () => finish(parserError(400, 'request aborted', 'request.aborted'));
  request.once('aborted', aborted);
  request.once('close', () => {
    if (!request.complete) aborted();
  });
  request.once('error', (error) => finish(error));
}
