import { LABEL_KEY_PATTERN, LABEL_VALUE_PATTERN, TcpState, WIRE_LIMITS } from '@tcpfleet/model';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Limits of the numbers in a snapshot: queues and uids are 32-bit unsigned, pids 31-bit. */
export const MAX_QUEUE = 2 ** 32 - 1;
export const MAX_PID = 2 ** 31 - 1;
export const MAX_COUNT = 100_000_000;

/** A whole number within [min, max]: counts, ports, pids, durations. */
export function IsCount(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCount',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a whole number from ${min} to ${max}`, ...options },
      validator: {
        validate: (value: unknown) =>
          Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      },
    });
}

/** Why a label set is bad, or null when it is fine. */
export function labelsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'must be an object of strings';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > WIRE_LIMITS.maxLabels) return `must hold at most ${WIRE_LIMITS.maxLabels} labels`;
  for (const [key, label] of entries) {
    if (key.length > WIRE_LIMITS.maxLabelKeyLength || !LABEL_KEY_PATTERN.test(key)) {
      return `key "${key.slice(0, 70)}" must be 1-${WIRE_LIMITS.maxLabelKeyLength} letters, digits or "._/-", starting and ending with a letter or digit`;
    }
    if (typeof label !== 'string') return `value of "${key}" must be a string`;
    if (label.length > WIRE_LIMITS.maxLabelValueLength || !LABEL_VALUE_PATTERN.test(label)) {
      return `value of "${key}" must be at most ${WIRE_LIMITS.maxLabelValueLength} printable characters`;
    }
  }
  return null;
}

export function IsLabels(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLabels',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args) => `${args.property} ${labelsProblem(args.value) ?? 'are invalid'}` },
      validator: { validate: (value: unknown) => labelsProblem(value) === null },
    });
}

/** An object whose low end is not above its high end (each end is checked as a count beside this). */
export function isPortRange(value: unknown): boolean {
  const range = value as { low?: unknown; high?: unknown } | null;
  return typeof range === 'object' && range !== null && !(Number(range.low) > Number(range.high));
}

export function IsPortRange(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPortRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an object with low <= high' },
      validator: { validate: isPortRange },
    });
}

const STATES = new Set<string>(Object.values(TcpState));

/** Why a destination's sockets by state are bad, or null when they are fine. */
export function stateCountsProblem(value: unknown, total: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'must be an object of counts by state';
  let sum = 0;
  for (const [state, count] of Object.entries(value as Record<string, unknown>)) {
    if (!STATES.has(state)) return `key "${state.slice(0, 40)}" is not a state`;
    if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > total) {
      return `count of ${state} must be a whole number from 0 to ${total}`;
    }
    sum += count as number;
  }
  // The states split the destination's sockets: together they cannot be more than its count.
  return sum > total ? `add up to ${sum}, more than count (${total})` : null;
}

/** The `count` beside a destination's states, or `max` while that count is itself invalid. */
export function stateCountsTotal(object: object, max: number): number {
  const count = (object as { count?: unknown }).count;
  return Number.isInteger(count) && (count as number) >= 0 && (count as number) <= max
    ? (count as number)
    : max;
}

/**
 * Counts keyed by canonical state (`{ "TIME_WAIT": 120, "SYN_SENT": 3 }`) that add up to at most the
 * `count` beside them (or `max` while that count is itself invalid).
 */
export function IsStateCounts(max: number): PropertyDecorator {
  const totalOf = (object: object): number => stateCountsTotal(object, max);
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStateCounts',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args) =>
          `${args.property} ${stateCountsProblem(args.value, totalOf(args.object)) ?? 'are invalid'}`,
      },
      validator: {
        validate: (value: unknown, args) =>
          stateCountsProblem(value, args ? totalOf(args.object) : max) === null,
      },
    });
}
