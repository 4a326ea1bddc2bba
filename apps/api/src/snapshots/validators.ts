import { WIRE_LIMITS, type OsName } from '@tcpfleet/model';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { LABEL_KEY_PATTERN, PRINTABLE_PATTERN } from '../validation/patterns';

// Spelled out as a record so that a new OsName in the model fails to compile here until it is listed.
const OS: Record<OsName, true> = { linux: true, darwin: true, freebsd: true, windows: true, illumos: true };
export const OS_NAMES = Object.keys(OS) as OsName[];

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
      return `key "${key.slice(0, 70)}" must be 1-${WIRE_LIMITS.maxLabelKeyLength} letters, digits or "._/-", starting with a letter or digit`;
    }
    if (typeof label !== 'string') return `value of "${key}" must be a string`;
    if (label.length > WIRE_LIMITS.maxLabelValueLength || !PRINTABLE_PATTERN.test(label)) {
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

export function IsPortRange(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPortRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an object with low <= high' },
      validator: {
        validate: (value: unknown) => {
          const range = value as { low?: unknown; high?: unknown } | null;
          return typeof range === 'object' && range !== null && !(Number(range.low) > Number(range.high));
        },
      },
    });
}
