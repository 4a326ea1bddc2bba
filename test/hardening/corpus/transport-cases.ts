import { WIRE_LIMITS } from '@tcpfleet/model';
import { deflateSync, gzipSync } from 'node:zlib';
import { raw, type Case, type CorpusContext, type Sent } from './case';

/** 64 MiB of one character, gzipped to about 64 KiB: it must be refused while inflating, not after. */
function gzipBomb(): Buffer {
  return gzipSync(
    Buffer.concat([Buffer.from('{"pad":"'), Buffer.alloc(64 * 1024 * 1024, 0x61), Buffer.from('"}')]),
  );
}

const withToken =
  (pick: (context: CorpusContext) => string | undefined, headers: Record<string, string> = {}) =>
  (context: CorpusContext): Sent => ({
    path: '/v1/snapshots',
    token: pick(context),
    headers,
    body: context.valid(),
  });

/** The stored snapshot again: its id, other counts. */
function replayWithOtherContent(context: CorpusContext): Sent {
  const stored = context.stored;
  return {
    path: '/v1/snapshots',
    token: context.tokens.own,
    body: { ...stored, counts: stored.counts.map((c) => ({ ...c, count: c.count + 1 })) },
  };
}
/** How the bytes arrive and who sends them: the body parser, the limits and the credentials. */
export const TRANSPORT_CASES: Case[] = [
  {
    name: 'malformed JSON',
    status: 400,
    names: /"invalid_input".*not valid JSON.*position 18 \(line 1, column 19\)/,
    send: raw('{"version":1,"id":'),
  },
  { name: 'a JSON body that is text', status: 400, names: /JSON/, send: raw('hello') },
  { name: 'JSON with a trailing comma', status: 400, names: /JSON/, send: raw('{"version":1,}') },
  { name: 'an empty body', status: 400, names: /version/, send: raw('') },
  { name: 'a body of NULs', status: 400, names: /JSON/, send: raw(Buffer.alloc(1000)) },
  {
    name: 'invalid UTF-8',
    status: 400,
    names: /JSON/,
    send: raw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  },
  {
    name: 'arrays nested 100,000 deep',
    status: 400,
    names: /counts/,
    send: raw(`{"counts":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
  },
  {
    name: 'a gzip bomb',
    status: 413,
    names: /over the limit/,
    send: raw(gzipBomb(), { 'content-encoding': 'gzip' }),
  },
  {
    name: 'a deflate bomb',
    status: 413,
    names: /over the limit/,
    send: raw(deflateSync(Buffer.alloc(32 * 1024 * 1024, 0x20)), { 'content-encoding': 'deflate' }),
  },
  {
    name: 'a body over the limit',
    status: 413,
    names: /over the limit/,
    send: raw(`{"pad":"${'x'.repeat(WIRE_LIMITS.maxBodyBytes)}"}`),
  },
  {
    name: 'gzip that is not gzip',
    status: 400,
    names: /decompress|gzip/i,
    send: raw('{"version":1}', { 'content-encoding': 'gzip' }),
  },
  {
    name: 'brotli that is not brotli',
    status: 400,
    names: /decompress|br/i,
    send: raw('{"version":1}', { 'content-encoding': 'br' }),
  },
  {
    name: 'deflate that is not deflate',
    status: 400,
    names: /does not decompress.*Content-Encoding \(deflate\)/,
    send: raw('{"version":1}', { 'content-encoding': 'deflate' }),
  },
  {
    name: 'gzip cut short',
    status: 400,
    names: /does not decompress.*Content-Encoding \(gzip\)/,
    send: raw(gzipSync('{"version":1,"id":"x"}').subarray(0, 15), { 'content-encoding': 'gzip' }),
  },
  {
    name: 'two compressions at once',
    status: 415,
    names: /Content-Encoding/,
    send: raw('{}', { 'content-encoding': 'gzip, br' }),
  },
  {
    name: 'a compression the API does not speak',
    status: 415,
    names: /Content-Encoding/,
    send: raw('{}', { 'content-encoding': 'zstd' }),
  },
  {
    name: 'a body that is not JSON by its type',
    status: 415,
    names: /Content-Type|application\/json/,
    send: (context) => ({
      ...withToken((c) => c.tokens.own)(context),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  {
    name: 'a body without a Content-Type',
    status: 415,
    names: /Content-Type must be application\/json/,
    send: (context) => ({
      ...withToken((c) => c.tokens.own)(context),
      headers: { 'content-type': '' },
    }),
  },
  {
    name: 'an admin key asked for as a form',
    status: 415,
    names: /Content-Type must be application\/json/,
    send: (context) => ({
      path: '/v1/admin/keys',
      token: context.adminKey,
      raw: 'name=x&role=admin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  },
  { name: 'no token', status: 401, names: /host token is required/, send: withToken(() => undefined) },
  { name: 'an empty bearer', status: 401, names: /host token is required/, send: withToken(() => '') },
  {
    name: 'a token nobody issued',
    status: 401,
    names: /unknown or revoked/,
    send: withToken(() => 'tfh_0000000000000000000000000000'),
  },
  {
    name: 'a revoked token',
    status: 401,
    names: /unknown or revoked/,
    send: withToken((c) => c.tokens.revoked),
  },
  {
    name: 'the enrolment secret as a token',
    status: 401,
    names: /unknown or revoked/,
    send: withToken((c) => c.enrollSecret),
  },
  {
    name: 'an admin key as a token',
    status: 401,
    names: /unknown or revoked/,
    send: withToken((c) => c.adminKey),
  },
  {
    name: 'basic authentication',
    status: 401,
    names: /host token is required/,
    send: (context) => ({
      path: '/v1/snapshots',
      headers: { authorization: `Basic ${Buffer.from(`x:${context.tokens.own}`).toString('base64')}` },
      body: context.valid(),
    }),
  },
  {
    name: "another host's token",
    status: 403,
    names: /corpus-1/,
    send: withToken((c) => c.tokens.otherHost),
  },
  {
    // Refused by Node's HTTP parser (headers are limited to 16 KiB) before the application sees it.
    name: 'a token of 1 MB',
    status: 431,
    names: /^$/,
    send: withToken(() => `tfh_${'a'.repeat(1024 * 1024)}`),
  },
  {
    name: 'a replayed snapshot id with other counts',
    status: 409,
    names: /\bid\b/,
    send: replayWithOtherContent,
  },
];
