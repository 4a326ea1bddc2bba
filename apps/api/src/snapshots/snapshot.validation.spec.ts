import 'reflect-metadata';
import { TcpState } from '@tcpfleet/model';
import fc from 'fast-check';
import { DomainError, type FieldProblem } from '../errors/domain-error';
import { createValidationPipe } from '../validation/validation.pipe';
import { SnapshotDto } from './snapshot.dto';
import { parseSnapshot } from './snapshot.validation';

type Answer = { ok: string } | { problems: FieldProblem[] };

/** JSON with object keys sorted at every level: equal content, equal text, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const pipe = createValidationPipe();
const copyOf = (body: unknown): unknown =>
  body === undefined ? undefined : JSON.parse(JSON.stringify(body));

/** What the class-validator DTOs answer: the canonical JSON of the instance, or the problems. */
async function throughDtos(body: unknown): Promise<Answer> {
  try {
    const dto: unknown = await pipe.transform(copyOf(body), { type: 'body', metatype: SnapshotDto });
    return { ok: canonicalJson(dto) };
  } catch (error) {
    if (error instanceof DomainError) return { problems: error.fields };
    throw error;
  }
}

function throughParser(body: unknown): Answer {
  try {
    return { ok: canonicalJson(parseSnapshot(copyOf(body))) };
  } catch (error) {
    if (error instanceof DomainError) return { problems: error.fields };
    throw error;
  }
}

const socket = (port: number, process?: string) => ({
  family: 'ipv4',
  localAddress: '10.0.0.1',
  localPort: port,
  remoteAddress: '2001:db8::2',
  remotePort: 40000 + port,
  state: TcpState.ESTABLISHED,
  recvQueue: 0,
  sendQueue: 12,
  ...(process === undefined ? {} : { pid: 42, process }),
  uid: 1000,
});

const valid = () => ({
  version: 1,
  id: '0190a0b0-1c2d-7000-8000-0123456789ab',
  collectedAt: '2026-01-01T12:00:00.000Z',
  host: {
    hostname: 'web-1.example',
    os: 'linux',
    osVersion: '6.1.0',
    machineId: 'm-1',
    agentVersion: '0.1.0',
    labels: { role: 'web', zone: 'a' } as Record<string, string>,
    ephemeralPortRange: { low: 32768, high: 60999 },
  },
  collector: {
    source: 'linux-proc',
    durationMs: 3,
    socketCount: 3,
    truncated: false,
    attribution: 'full',
    spoolDropped: 0,
    warnings: ['one'],
  },
  counts: [
    { state: 'ESTABLISHED', direction: 'INBOUND', port: 443, process: 'nginx', count: 2 },
    { state: 'LISTEN', direction: 'INBOUND', port: 22, process: null, count: 1 },
  ],
  sockets: [socket(443, 'nginx'), socket(444)],
  listeners: [{ address: '0.0.0.0', port: 443, acceptQueue: 1, backlog: 511, process: 'nginx', pid: 42 }],
  destinations: [{ address: '10.0.0.5', port: 5432, count: 4, states: { TIME_WAIT: 3, SYN_SENT: 1 } }],
});

const VALUES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  65536,
  2 ** 32,
  '',
  'x',
  'x'.repeat(300),
  'bad\u0007text',
  '10.0.0.1',
  '2026-01-01T00:00:00',
  'LISTEN',
  [],
  [1],
  {},
  { a: 1 },
  { low: 9, high: 3 },
  { TIME_WAIT: 9 },
];

/** Every path of a body, objects and arrays alike (`counts.0.port`, `host.labels`). */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...path, key]))];
}

function mutate(
  body: Record<string, unknown>,
  path: (string | number)[],
  shared: unknown,
  key: string | null,
) {
  const value = copyOf(shared);
  let target: Record<string | number, unknown> = body;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (key !== null && typeof target[last] === 'object' && target[last] !== null) {
    // An own key, as JSON.parse makes it, even for `__proto__`.
    Object.defineProperty(target[last], key, { value, enumerable: true, writable: true, configurable: true });
  } else if (value === undefined) delete target[last];
  else target[last] = value;
}

/** Arrays where one object belongs: class-validator walks into them, the parser refuses them. */
function arrayForObject(body: Record<string, unknown>): boolean {
  const host = body.host as Record<string, unknown> | undefined;
  if (host && typeof host === 'object' && Array.isArray(host.ephemeralPortRange)) return true;
  return ['counts', 'sockets', 'listeners', 'destinations'].some(
    (name) => Array.isArray(body[name]) && (body[name] as unknown[]).some((item) => Array.isArray(item)),
  );
}

describe('parseSnapshot', () => {
  it('accepts a valid snapshot and gives the content the DTOs give', async () => {
    const body = valid();
    expect(throughParser(body)).toEqual(await throughDtos(body));
  });

  it('answers every mutated body as the class-validator DTOs do', async () => {
    const base = valid();
    const paths = pathsOf(base).filter((path) => path.length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...paths),
            fc.constantFrom(...VALUES),
            // Not the reserved keys: both refuse them, the pipe before class-validator runs (see below).
            fc.option(fc.constantFrom('extra', 'process', 'low')),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          const body = valid() as Record<string, unknown>;
          for (const [path, value, key] of mutations) {
            try {
              mutate(body, path, value, key);
            } catch {
              // an earlier mutation removed the path's parent
            }
          }
          fc.pre(!arrayForObject(body));
          expect(throughParser(body)).toEqual(await throughDtos(body));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('answers bodies that are not objects, or empty, as the DTOs do', async () => {
    for (const body of [undefined, null, {}, [], [valid()], 'x', 5]) {
      expect(throughParser(body)).toEqual(await throughDtos(body));
    }
  });

  it('lists the first 50 problems, as the DTOs do', async () => {
    const body = valid();
    body.sockets = Array.from({ length: 300 }, () => ({ ...socket(1), localAddress: 'nope', localPort: -1 }));
    const answer = throughParser(body);
    expect(answer).toEqual(await throughDtos(body));
    expect('problems' in answer && answer.problems.length).toBe(50);
  });

  it('refuses arrays where one object belongs, which the DTOs let through unchecked', () => {
    const body = valid() as ReturnType<typeof valid> & Record<string, unknown>;
    (body.host as Record<string, unknown>).ephemeralPortRange = [];
    (body as Record<string, unknown>).counts = [[]];
    expect(throughParser(body)).toEqual({
      problems: [
        { field: 'host.ephemeralPortRange', reason: 'ephemeralPortRange must be an object' },
        { field: 'counts.0', reason: 'each value in counts must be an object' },
      ],
    });
  });

  it('refuses unknown keys named like Object methods, which the DTOs drop unseen', () => {
    const body = JSON.parse(JSON.stringify(valid()).replace('{', '{"hasOwnProperty":1,'));
    body.sockets[0].toString = 'x';
    expect(throughParser(body)).toEqual({
      problems: [
        { field: 'hasOwnProperty', reason: 'property hasOwnProperty should not exist' },
        { field: 'sockets.0.toString', reason: 'property toString should not exist' },
      ],
    });
  });

  it('refuses a __proto__ key by name at every level, where it used to be dropped unseen', () => {
    const text = JSON.stringify(valid())
      .replace('{', '{"__proto__":{"admin":true},')
      .replace('"hostname"', '"constructor":1,"hostname"')
      .replace('"role"', '"__proto__":"x","role"')
      .replace('"state"', '"__proto__":null,"state"')
      .replace('"family"', '"prototype":{},"family"')
      .replace('"TIME_WAIT"', '"__proto__":1,"TIME_WAIT"');
    expect(throughParser(JSON.parse(text))).toEqual({
      problems: [
        { field: '__proto__', reason: 'property __proto__ should not exist' },
        { field: 'host.constructor', reason: 'property constructor should not exist' },
        {
          field: 'host.labels',
          reason:
            'labels key "__proto__" must be 1-63 letters, digits or "._/-", starting and ending with a letter or digit',
        },
        { field: 'counts.0.__proto__', reason: 'property __proto__ should not exist' },
        { field: 'sockets.0.prototype', reason: 'property prototype should not exist' },
        { field: 'destinations.0.states', reason: 'states key "__proto__" is not a state' },
      ],
    });
  });

  it('names each bad field once, with its most basic reason, as the DTOs now do', async () => {
    const body = valid() as Record<string, any>;
    body.host.hostname = 7;
    body.host.agentVersion = '';
    body.collectedAt = 'yesterday';
    body.counts = 'many';
    const expected = {
      problems: [
        { field: 'collectedAt', reason: 'collectedAt must be a valid ISO 8601 date string' },
        { field: 'host.hostname', reason: 'hostname must be a string' },
        { field: 'host.agentVersion', reason: 'agentVersion must be longer than or equal to 1 characters' },
        { field: 'counts', reason: 'counts must be an array' },
      ],
    };
    expect(throughParser(body)).toEqual(expected);
    expect(await throughDtos(body)).toEqual(expected);
  });

  it('checks labels with the patterns of @tcpfleet/model, as the agent checks its settings', () => {
    const labelsOf = (labels: Record<string, string>) => {
      const body = valid();
      body.host.labels = labels;
      return throughParser(body);
    };
    expect(labelsOf({ 'app.kubernetes.io/name': 'web', team: '\u{1F525} hot' })).toEqual({
      ok: expect.any(String),
    });
    expect(labelsOf({ 'team-': 'web' })).toEqual({
      problems: [{ field: 'host.labels', reason: expect.stringMatching(/^labels key "team-" must be/) }],
    });
    expect(labelsOf({ team: 'web\tapi' })).toEqual({
      problems: [
        { field: 'host.labels', reason: 'labels value of "team" must be at most 255 printable characters' },
      ],
    });
  });

  it('keeps a label named like an Object method, which the DTOs drop unseen', () => {
    const body = valid();
    body.host.labels = { ...body.host.labels, toString: 'kept' };
    expect(parseSnapshot(body).host.labels).toEqual({ role: 'web', toString: 'kept', zone: 'a' });
  });
});
