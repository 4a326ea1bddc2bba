import type { Case, CorpusContext, Sent } from './case';
import { AWKWARD_NAMES } from './snapshot-cases';

const enrol =
  (body: unknown, secret: (context: CorpusContext) => string | undefined = (c) => c.enrollSecret) =>
  (context: CorpusContext): Sent => ({ path: '/v1/enroll', token: secret(context), body });

/** Enrolment: the fleet secret and the host facts it is exchanged for. */
export const ENROLL_CASES: Case[] = [
  {
    name: 'enrolment without a secret',
    status: 401,
    names: /enrolment secret is missing or wrong/,
    send: enrol({ hostname: 'new-1' }, () => undefined),
  },
  {
    name: 'enrolment with a wrong secret',
    status: 401,
    names: /enrolment secret is missing or wrong/,
    send: enrol({ hostname: 'new-1' }, () => 'x'.repeat(30)),
  },
  {
    name: 'enrolment with the secret in other case',
    status: 401,
    names: /enrolment secret is missing or wrong/,
    send: enrol({ hostname: 'new-1' }, (c) => c.enrollSecret.toUpperCase()),
  },
  {
    name: 'enrolment with the secret and a byte more',
    status: 401,
    names: /enrolment secret is missing or wrong/,
    send: enrol({ hostname: 'new-1' }, (c) => `${c.enrollSecret}x`),
  },
  {
    name: 'enrolment with a host token',
    status: 401,
    names: /enrolment secret is missing or wrong/,
    send: enrol({ hostname: 'new-1' }, (c) => c.tokens.own),
  },
  ...AWKWARD_NAMES.map(([what, hostname]): Case => ({
    name: `enrolment of a hostname with ${what}`,
    status: 400,
    names: /hostname/,
    send: enrol({ hostname }),
  })),
  { name: 'enrolment without a hostname', status: 400, names: /hostname/, send: enrol({}) },
  {
    name: 'enrolment of a hostname that is a number',
    status: 400,
    names: /hostname/,
    send: enrol({ hostname: 7 }),
  },
  {
    name: 'enrolment with a machine id of 10 KB',
    status: 400,
    names: /machineId/,
    send: enrol({ hostname: 'new-1', machineId: 'm'.repeat(10 * 1024) }),
  },
  {
    name: 'enrolment with a machine id holding a NUL',
    status: 400,
    names: /machineId/,
    send: enrol({ hostname: 'new-1', machineId: 'abc\u0000def' }),
  },
  {
    name: 'enrolment with a field nobody knows',
    status: 400,
    names: /role/,
    send: enrol({ hostname: 'new-1', role: 'admin' }),
  },
  {
    name: 'enrolment with a __proto__ key',
    status: 400,
    names: /"field":"__proto__"/,
    send: (context) => ({
      path: '/v1/enroll',
      token: context.enrollSecret,
      raw: '{"hostname":"new-1","__proto__":{"admin":true}}',
    }),
  },
  {
    name: 'enrolment with a hostname nested 100,000 deep',
    status: 400,
    names: /hostname.*nests deeper/,
    send: (context) => ({
      path: '/v1/enroll',
      token: context.enrollSecret,
      raw: `{"hostname":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    }),
  },
  {
    name: 'enrolment as text',
    status: 415,
    names: /Content-Type must be application\/json/,
    send: (context) => ({
      path: '/v1/enroll',
      token: context.enrollSecret,
      raw: '{"hostname":"new-1"}',
      headers: { 'content-type': 'text/plain' },
    }),
  },
  {
    name: 'enrolment in gzip that is not gzip',
    status: 400,
    names: /does not decompress.*Content-Encoding \(gzip\)/,
    send: (context) => ({
      path: '/v1/enroll',
      token: context.enrollSecret,
      raw: '{"hostname":"new-1"}',
      headers: { 'content-encoding': 'gzip' },
    }),
  },
  {
    name: 'enrolment as a host held by another machine',
    status: 409,
    names: /corpus-1/,
    send: enrol({ hostname: 'corpus-1', machineId: 'another-machine' }),
  },
  {
    name: 'enrolment with malformed JSON',
    status: 400,
    names: /"invalid_input".*not valid JSON.*position 12/,
    send: (context) => ({ path: '/v1/enroll', token: context.enrollSecret, raw: '{"hostname":' }),
  },
];
