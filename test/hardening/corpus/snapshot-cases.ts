import { WIRE_LIMITS } from '@tcpfleet/model';
import { edited, spoiled, type Case } from './case';

const DAY = 86_400_000;
const KB10 = 'a'.repeat(10 * 1024);

/** Host names and label values of every awkward kind; none is a host name the API may take. */
export const AWKWARD_NAMES: [string, string][] = [
  ['empty', ''],
  ['10 KB', KB10],
  ['a control character', 'web\u0007-1'],
  ['a NUL', 'web\u0000-1'],
  ['a new line', 'web-1\nweb-2'],
  ['an SQL fragment', "corpus-1'; drop table hosts; --"],
  ['an HTML fragment', '<script>alert(1)</script>'],
  ['a Cyrillic confusable', 'c\u043erpus-1'],
  ['a Unicode hyphen', 'corpus\u20101'],
  ['a right-to-left override', 'corpus-1\u202e'],
  ['a zero-width space', 'corpus\u200b-1'],
  ['a space', 'corpus 1'],
  ['a lone surrogate', 'corpus-\ud800'],
];

/** Spoiled fields of an otherwise valid snapshot: each a 400 naming the field. */
export const SNAPSHOT_CASES: Case[] = [
  // Wrong types.
  {
    name: 'version as a string',
    status: 400,
    names: /version/,
    send: spoiled((s) => void (s.version = '1')),
  },
  { name: 'an unknown version', status: 400, names: /version/, send: spoiled((s) => void (s.version = 2)) },
  { name: 'id as a number', status: 400, names: /\bid\b/, send: spoiled((s) => void (s.id = 123)) },
  { name: 'id not a UUID', status: 400, names: /\bid\b/, send: spoiled((s) => void (s.id = "1' or '1'='1")) },
  { name: 'host as a list', status: 400, names: /host/, send: spoiled((s) => void (s.host = [])) },
  {
    name: 'counts as a string',
    status: 400,
    names: /counts/,
    send: spoiled((s) => void (s.counts = 'many')),
  },
  { name: 'counts as an object', status: 400, names: /counts/, send: spoiled((s) => void (s.counts = {})) },
  {
    name: 'a count as a string',
    status: 400,
    names: /counts\.0\.count/,
    send: spoiled((s) => void (s.counts[0].count = '5')),
  },
  {
    name: 'truncated as a string',
    status: 400,
    names: /collector\.truncated/,
    send: spoiled((s) => void (s.collector.truncated = 'false')),
  },
  {
    name: 'collectedAt as epoch seconds',
    status: 400,
    names: /collectedAt/,
    send: spoiled((s) => void (s.collectedAt = 1_700_000_000)),
  },
  { name: 'the body is a list', status: 400, names: /version/, send: spoiled(() => []) },
  { name: 'the body is null', status: 400, names: /JSON/, send: spoiled(() => null) },
  { name: 'the body is a number', status: 400, names: /JSON/, send: spoiled(() => 42) },
  // Missing fields.
  { name: 'no id', status: 400, names: /\bid\b/, send: spoiled((s) => void delete s.id) },
  { name: 'no host', status: 400, names: /host/, send: spoiled((s) => void delete s.host) },
  { name: 'no counts', status: 400, names: /counts/, send: spoiled((s) => void delete s.counts) },
  { name: 'no collector', status: 400, names: /collector/, send: spoiled((s) => void delete s.collector) },
  {
    name: 'no hostname',
    status: 400,
    names: /host\.hostname/,
    send: spoiled((s) => void delete s.host.hostname),
  },
  { name: 'an empty object', status: 400, names: /version/, send: spoiled(() => ({})) },
  { name: 'a field nobody knows', status: 400, names: /extra/, send: spoiled((s) => void (s.extra = 1)) },
  {
    name: 'a __proto__ key',
    status: 400,
    names: /__proto__/,
    send: spoiled((s) => JSON.parse(JSON.stringify(s).replace('{', '{"__proto__":{"admin":true},'))),
  },
  {
    name: 'a __proto__ key in the host facts',
    status: 400,
    names: /host\.__proto__/,
    send: edited((json) => json.replace('"hostname"', '"__proto__":{"admin":true},"hostname"')),
  },
  {
    name: 'a __proto__ label',
    status: 400,
    names: /host\.labels.*__proto__/,
    send: edited((json) => json.replace('"labels":{', '"labels":{"__proto__":"x",')),
  },
  {
    name: 'a __proto__ key in a count',
    status: 400,
    names: /counts\.0\.__proto__/,
    send: edited((json) => json.replace('"state"', '"__proto__":{},"state"')),
  },
  {
    name: 'a __proto__ key in a socket',
    status: 400,
    names: /sockets\.0\.__proto__/,
    send: edited((json) => json.replace('"family"', '"__proto__":null,"family"')),
  },
  {
    name: 'a constructor key',
    status: 400,
    names: /property constructor should not exist/,
    send: edited((json) => json.replace('{', '{"constructor":{"prototype":{"admin":true}},')),
  },
  // Counts.
  {
    name: 'a negative count',
    status: 400,
    names: /counts\.0\.count/,
    send: spoiled((s) => void (s.counts[0].count = -1)),
  },
  {
    name: 'a count of 10^12',
    status: 400,
    names: /counts\.0\.count/,
    send: spoiled((s) => void (s.counts[0].count = 1e12)),
  },
  {
    name: 'a fractional count',
    status: 400,
    names: /counts\.0\.count/,
    send: spoiled((s) => void (s.counts[0].count = 1.5)),
  },
  {
    name: 'a count past 2^53',
    status: 400,
    names: /counts\.0\.count/,
    send: spoiled((s) => void (s.counts[0].count = 2 ** 60)),
  },
  {
    name: 'a state nobody knows',
    status: 400,
    names: /counts\.0\.state/,
    send: spoiled((s) => void (s.counts[0].state = 'ESTABLISHED; drop table hosts')),
  },
  {
    name: 'a negative socket count',
    status: 400,
    names: /collector\.socketCount/,
    send: spoiled((s) => void (s.collector.socketCount = -5)),
  },
  // Ports.
  {
    name: 'port -1',
    status: 400,
    names: /counts\.0\.port/,
    send: spoiled((s) => void (s.counts[0].port = -1)),
  },
  {
    name: 'port 65536',
    status: 400,
    names: /counts\.0\.port/,
    send: spoiled((s) => void (s.counts[0].port = 65536)),
  },
  {
    name: 'port 80.5',
    status: 400,
    names: /counts\.0\.port/,
    send: spoiled((s) => void (s.counts[0].port = 80.5)),
  },
  {
    name: 'port "80"',
    status: 400,
    names: /counts\.0\.port/,
    send: spoiled((s) => void (s.counts[0].port = '80')),
  },
  {
    name: 'a socket on port 70000',
    status: 400,
    names: /sockets\.0\.localPort/,
    send: spoiled((s) => void (s.sockets[0].localPort = 70_000)),
  },
  {
    name: 'an ephemeral range upside down',
    status: 400,
    names: /ephemeralPortRange/,
    send: spoiled((s) => void (s.host.ephemeralPortRange = { low: 60000, high: 1024 })),
  },
  // Host names of every awkward kind.
  ...AWKWARD_NAMES.map(([what, name]): Case => ({
    name: `a hostname with ${what}`,
    status: 400,
    names: /host\.hostname/,
    send: spoiled((s) => void (s.host.hostname = name)),
  })),
  // Labels.
  {
    name: 'a label key empty',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { '': 'v' })),
  },
  {
    name: 'a label key of 10 KB',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { [KB10]: 'v' })),
  },
  {
    name: 'a label key with SQL',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { "k' or 1=1 --": 'v' })),
  },
  {
    name: 'a label value of 10 KB',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { tier: KB10 })),
  },
  {
    name: 'a label value with a NUL',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { tier: 'edge\u0000' })),
  },
  {
    name: 'a label value with an escape sequence',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { tier: '\u001b[31mred' })),
  },
  {
    name: 'a label value that is a number',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => void (s.host.labels = { tier: 5 })),
  },
  {
    name: 'more labels than allowed',
    status: 400,
    names: /host\.labels/,
    send: spoiled((s) => {
      s.host.labels = Object.fromEntries(
        Array.from({ length: WIRE_LIMITS.maxLabels + 1 }, (_, i) => [`k${i}`, 'v']),
      );
    }),
  },
  {
    name: 'a process name with a NUL',
    status: 400,
    names: /counts\.0\.process/,
    send: spoiled((s) => void (s.counts[0].process = 'ngi\u0000nx')),
  },
  {
    name: 'a socket address that is not an IP',
    status: 400,
    names: /sockets\.0\.remoteAddress/,
    send: spoiled((s) => void (s.sockets[0].remoteAddress = '10.0.0.1; rm -rf /')),
  },
  // Times.
  ...[
    ['a day ahead', new Date(Date.now() + DAY).toISOString()],
    ['in the year 9999', '9999-12-31T23:59:59.999Z'],
    ['past the end of JavaScript time', '+275760-09-13T00:00:01.000Z'],
    ['in 1970', '1970-01-01T00:00:00.000Z'],
    ['in the year 0', '0000-01-01T00:00:00.000Z'],
    ['400 days ago', new Date(Date.now() - 400 * DAY).toISOString()],
    ['without a time zone', new Date().toISOString().slice(0, 19)],
    ['on 30 February', '2026-02-30T12:00:00Z'],
    ['as words', 'yesterday'],
  ].map(([what, at]): Case => ({
    name: `collectedAt ${what}`,
    status: 400,
    names: /collectedAt/,
    send: spoiled((s) => void (s.collectedAt = at)),
  })),
  // Lists over their caps.
  {
    name: 'a socket list over the cap',
    status: 400,
    names: /sockets/,
    send: spoiled(
      (s) => void (s.sockets = Array.from({ length: WIRE_LIMITS.maxSockets + 1 }, () => s.sockets[0])),
    ),
  },
  {
    name: 'counts over the cap',
    status: 400,
    names: /counts/,
    send: spoiled((s) => {
      s.counts = Array.from({ length: WIRE_LIMITS.maxCounts + 1 }, (_, i) => ({
        ...s.counts[0],
        port: i % 65536,
      }));
    }),
  },
  {
    name: 'warnings over the cap',
    status: 400,
    names: /collector\.warnings/,
    send: spoiled(
      (s) => void (s.collector.warnings = Array.from({ length: WIRE_LIMITS.maxWarnings + 1 }, () => 'w')),
    ),
  },
  {
    name: '5,000 bad sockets (the answer stays short)',
    status: 400,
    names: /sockets\.0\.localPort/,
    send: spoiled(
      (s) => void (s.sockets = Array.from({ length: 5000 }, () => ({ ...s.sockets[0], localPort: -1 }))),
    ),
  },
];
