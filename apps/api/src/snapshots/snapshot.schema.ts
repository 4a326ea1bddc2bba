import {
  Direction,
  HOSTNAME_PATTERN,
  OS_NAMES,
  SNAPSHOT_VERSION,
  TcpState,
  WIRE_LIMITS,
} from '@tcpfleet/model';
import { PRINTABLE_PATTERN } from '../validation/patterns';
import * as r from '../validation/wire-rule-set';
import { schemaOf, type Field, type Rule, type Schema } from '../validation/wire-rules';
import {
  isPortRange,
  labelsProblem,
  MAX_COUNT,
  MAX_PID,
  MAX_QUEUE,
  stateCountsProblem,
  stateCountsTotal,
} from './validators';

/**
 * The snapshot body as rules, field for field the DTOs of snapshot.dto.ts, socket.dto.ts and
 * listener.dto.ts (which stay the OpenAPI description): same order, same limits, same reasons. The
 * spec beside it runs both over the same bodies and holds them to the same answers.
 */
const STATES = Object.values(TcpState);
const ZONE = /(Z|[+-]\d\d:?\d\d)$/;

const field = (name: string, rules: (name: string) => Rule[], extra: Partial<Field> = {}): Field => ({
  name,
  rules: rules(name),
  ...extra,
});
const optional = (name: string, rules: (name: string) => Rule[], extra: Partial<Field> = {}): Field =>
  field(name, rules, { skip: 'nil', ...extra });
const count = (min: number, max: number) => (name: string) => [r.count(name, min, max)];
const printable = (size: (name: string) => Rule) => (name: string) =>
  r.text(name, size(name), PRINTABLE_PATTERN);
const upTo = (max: number) => (name: string) => r.lengthAtMost(name, max);
const within = (min: number, max: number) => (name: string) => r.lengthWithin(name, min, max);
const list = (max: number) => (name: string) => [r.arrayMax(name, max), r.array(name)];
const nested = (schema: Schema, each: boolean): Partial<Field> => ({ nested: { schema, each } });

const custom = (test: Rule['test'], reason: Rule['reason']): Rule => ({ test, reason });

const labels = (name: string): Rule[] => [
  custom(
    (value) => labelsProblem(value) === null,
    (value) => `${name} ${labelsProblem(value) ?? 'are invalid'}`,
  ),
];

const stateCounts = (name: string): Rule[] => {
  const problem = (value: unknown, parent: object) =>
    stateCountsProblem(value, stateCountsTotal(parent, MAX_COUNT));
  return [
    custom(
      (value, parent) => problem(value, parent) === null,
      (value, parent) => `${name} ${problem(value, parent) ?? 'are invalid'}`,
    ),
  ];
};

const portRange = schemaOf([field('low', count(1, 65535)), field('high', count(1, 65535))]);

const hostFacts = schemaOf([
  field('hostname', (name) =>
    r.text(
      name,
      r.lengthWithin(name, 1, WIRE_LIMITS.maxHostnameLength),
      HOSTNAME_PATTERN,
      'hostname may hold letters, digits, ".", "-" and "_" only',
    ),
  ),
  field('os', (name) => [r.oneOf(name, OS_NAMES)]),
  field('osVersion', printable(upTo(255))),
  optional('machineId', printable(within(1, 255))),
  field('agentVersion', printable(within(1, 64))),
  field('labels', labels, { record: true }),
  field(
    'ephemeralPortRange',
    (name) => [custom(isPortRange, () => `${name} must be an object with low <= high`)],
    {
      ...nested(portRange, false),
    },
  ),
]);

const collectorFacts = schemaOf([
  field('source', printable(within(1, 64))),
  field('durationMs', count(0, 3_600_000)),
  field('socketCount', count(0, 100_000_000)),
  field('truncated', (name) => [r.boolean(name)]),
  field('attribution', (name) => [r.oneOf(name, ['full', 'partial', 'none'])]),
  field('spoolDropped', count(0, 1_000_000_000)),
  field('warnings', (name) => [
    r.each(r.lengthAtMost(name, WIRE_LIMITS.maxWarningLength)),
    r.each(r.string(name)),
    ...list(WIRE_LIMITS.maxWarnings)(name),
  ]),
]);

const processName = printable(upTo(WIRE_LIMITS.maxProcessNameLength));

const countSchema = schemaOf([
  field('state', (name) => [r.oneOf(name, STATES)]),
  field('direction', (name) => [r.oneOf(name, Object.values(Direction))]),
  field('port', count(0, 65535)),
  field('process', processName, { skip: 'null' }),
  field('count', count(0, MAX_COUNT)),
]);

const socketSchema = schemaOf([
  field('family', (name) => [r.oneOf(name, ['ipv4', 'ipv6'])]),
  field('localAddress', (name) => [r.ip(name)]),
  field('localPort', count(0, 65535)),
  field('remoteAddress', (name) => [r.ip(name)]),
  field('remotePort', count(0, 65535)),
  field('state', (name) => [r.oneOf(name, STATES)]),
  optional('recvQueue', count(0, MAX_QUEUE)),
  optional('sendQueue', count(0, MAX_QUEUE)),
  optional('pid', count(0, MAX_PID)),
  optional('process', processName),
  optional('uid', count(0, MAX_QUEUE)),
  optional('netns', printable(upTo(255))),
]);

const listenerSchema = schemaOf([
  field('address', (name) => [r.ip(name)]),
  field('port', count(0, 65535)),
  field('acceptQueue', count(0, MAX_QUEUE)),
  optional('backlog', count(0, MAX_QUEUE)),
  optional('process', processName),
  optional('pid', count(0, MAX_PID)),
]);

const destinationSchema = schemaOf([
  field('address', (name) => [r.ip(name)]),
  field('port', count(0, 65535)),
  field('count', count(0, MAX_COUNT)),
  field('states', stateCounts, { record: true }),
]);

export const snapshotSchema = schemaOf([
  field('version', (name) => [
    r.oneOf(name, [SNAPSHOT_VERSION], `version must be one of: ${SNAPSHOT_VERSION}`),
  ]),
  field('id', (name) => [r.uuid(name)]),
  field('collectedAt', (name) => [
    r.pattern(name, ZONE, 'collectedAt must carry a time zone'),
    r.iso8601(name, { strict: true, strictSeparator: true }),
  ]),
  field('host', (name) => [r.object(name)], nested(hostFacts, false)),
  field('collector', (name) => [r.object(name)], nested(collectorFacts, false)),
  field('counts', list(WIRE_LIMITS.maxCounts), nested(countSchema, true)),
  field('sockets', list(WIRE_LIMITS.maxSockets), nested(socketSchema, true)),
  optional('listeners', list(WIRE_LIMITS.maxListeners), nested(listenerSchema, true)),
  optional('destinations', list(WIRE_LIMITS.maxDestinations), nested(destinationSchema, true)),
]);
