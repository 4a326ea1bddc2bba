import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRequire } from 'node:module';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { DomainError } from '../errors/domain-error';
import { bodyError } from '../body/body-errors';
import { snapshotBody, type SnapshotRequest } from './snapshot-body';
import { readSnapshotJson } from './snapshot-check';

// The body-parser the API runs beside this reader (express.json, as Nest's useBodyParser mounts it).
const express = createRequire(require.resolve('@nestjs/platform-express'))('express') as {
  json(options: object): RequestHandler;
};

const LIMIT = 4096;

/** An IncomingMessage as both readers see it: a stream with headers that completes at its end. */
function requestOf(headers: Record<string, string>, body: Buffer | string, cut = false): Request {
  const stream = new Readable({ read: () => undefined }) as Readable & Record<string, unknown>;
  const socket = Object.assign(new EventEmitter(), { readable: true, writable: true });
  Object.assign(stream, { method: 'POST', headers, complete: false, socket });
  stream.on('end', () => (stream.complete = !cut));
  setImmediate(() => {
    stream.push(cut ? body.slice(0, 3) : body);
    if (cut) stream.emit('aborted');
    stream.push(null);
  });
  return stream as unknown as Request;
}

type Outcome = { body: unknown } | { code: string; message: string } | { next: 'passed on' };

/** An error as the API answers it (body-errors.ts), whichever reader raised it. */
function answerTo(error: unknown, request: Request): Outcome {
  const answer = bodyError(error, request);
  if (answer === null) throw error;
  return { code: answer.code, message: answer.message };
}

/** body-parser, as the API runs it for other bodies: the parsed body or its error, as answered. */
function runTheirs(request: Request): Promise<Outcome> {
  return new Promise((resolve) => {
    const next: NextFunction = (error?: unknown) => {
      if (error) return resolve(answerTo(error, request));
      resolve(
        'body' in request && request.body !== undefined ? { body: request.body } : { next: 'passed on' },
      );
    };
    theirs(request, {} as Response, next);
  });
}

/** This reader, then the inflating and parsing that the snapshot check does on a worker thread. */
function runMine(request: Request): Promise<Outcome> {
  return new Promise((resolve) => {
    const next: NextFunction = (error?: unknown) => {
      if (error) return resolve(answerTo(error, request));
      const received = (request as SnapshotRequest).received;
      if (received === undefined) return resolve({ next: 'passed on' });
      try {
        resolve({ body: readSnapshotJson(received, LIMIT).body });
      } catch (failure) {
        resolve(answerTo(failure, request));
      }
    };
    mine(request, {} as Response, next);
  });
}

const mine = snapshotBody(LIMIT);
const theirs = express.json({ limit: LIMIT, inflate: true });
const json = { 'content-type': 'application/json' };
const text = JSON.stringify({ version: 1, list: [1, 2, 3] });
const big = JSON.stringify({ pad: 'x'.repeat(LIMIT) });

const CASES: [string, Record<string, string>, Buffer | string][] = [
  ['plain', json, text],
  ['charset', { 'content-type': 'application/json; charset=UTF-8' }, text],
  ['gzip', { ...json, 'content-encoding': 'gzip' }, gzipSync(text)],
  ['GZIP', { ...json, 'content-encoding': 'GZIP' }, gzipSync(text)],
  ['deflate', { ...json, 'content-encoding': 'deflate' }, deflateSync(text)],
  ['brotli', { ...json, 'content-encoding': 'br' }, brotliCompressSync(text)],
  ['bad JSON', json, '{"a":'],
  ['a string', json, '"x"'],
  ['null', json, 'null'],
  ['whitespace', json, ' \n\t'],
  ['space then object', json, `  \r\n${text}`],
  ['array', json, '[1,{}]'],
  ['byte order mark', json, `\ufeff${text}`],
  ['empty', { ...json, 'content-length': '0' }, ''],
  ['over the limit', json, big],
  ['over the limit, declared', { ...json, 'content-length': String(big.length) }, big],
  ['over the limit once inflated', { ...json, 'content-encoding': 'gzip' }, gzipSync(big)],
  ['over the limit once decompressed', { ...json, 'content-encoding': 'br' }, brotliCompressSync(big)],
];

describe('snapshotBody', () => {
  it.each(CASES)('answers %s as body-parser does', async (_name, headers, body) => {
    const withLength = { 'transfer-encoding': 'chunked', ...headers };
    const got = await runMine(requestOf(withLength, body));
    expect(got).toEqual(await runTheirs(requestOf(withLength, body)));
    expect(got).not.toEqual({ next: 'passed on' });
  });

  it('answers a body cut short as body-parser does', async () => {
    const headers = { ...json, 'content-length': String(text.length) };
    expect(await runMine(requestOf(headers, text, true))).toEqual(
      await runTheirs(requestOf(headers, text, true)),
    );
  });

  it('keeps the body as sent and inflated beside the parsed one', async () => {
    const sent = gzipSync(text);
    const request = requestOf({ 'transfer-encoding': 'chunked', ...json, 'content-encoding': ' GZIP' }, sent);
    await new Promise((resolve) => mine(request, {} as Response, resolve));
    expect((request as SnapshotRequest).received).toEqual({
      sent,
      encoding: 'gzip',
    });
  });

  it('refuses JSON in another charset than UTF-8 with a 415 naming it', async () => {
    const headers = { 'transfer-encoding': 'chunked', 'content-type': 'application/json; charset=utf-16' };
    const request = requestOf(headers, text);
    const refused = await new Promise<unknown>((resolve) => mine(request, {} as Response, resolve));
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringContaining('utf-16'),
    });
  });

  it('leaves other media types and encodings to the checks before it', async () => {
    const chunked = { 'transfer-encoding': 'chunked' };
    for (const headers of <Record<string, string>[]>[
      { 'content-type': 'text/plain' },
      { ...json, 'content-encoding': 'x-unknown' },
      { ...json, 'content-encoding': 'constructor' },
    ]) {
      expect(await runMine(requestOf({ ...chunked, ...headers }, text))).toEqual({ next: 'passed on' });
    }
  });

  it.each(['gzip', 'deflate', 'br'])(
    'refuses a body that does not decompress as %s with a 400 naming Content-Encoding (body-parser answered 500)',
    async (encoding) => {
      const headers = { 'transfer-encoding': 'chunked', ...json, 'content-encoding': encoding };
      const answer = await runMine(requestOf(headers, '{"version":1} is not compressed'));
      expect(answer).toEqual({
        code: 'invalid_input',
        message: expect.stringMatching(
          new RegExp(`does not decompress as its Content-Encoding \\(${encoding}\\)`),
        ),
      });
    },
  );
});
