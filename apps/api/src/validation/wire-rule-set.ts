import {
  arrayMaxSize,
  isArray,
  isBoolean,
  isIn,
  isIP,
  isISO8601,
  isObject,
  isString,
  isUUID,
  length,
  matches,
  maxLength,
} from 'class-validator';
import type { Rule } from './wire-rules';

/**
 * The constraints of the DTOs as plain rules, each with class-validator's own test function and the
 * message its decorator gives (`$property` filled in), so both validators answer alike.
 */
const rule = (test: Rule['test'], reason: Rule['reason'] | string): Rule => ({
  test,
  reason: typeof reason === 'string' ? () => reason : reason,
});

export const string = (name: string): Rule => rule(isString, `${name} must be a string`);

export const boolean = (name: string): Rule => rule(isBoolean, `${name} must be a boolean value`);

export const object = (name: string): Rule => rule(isObject, `${name} must be an object`);

export const array = (name: string): Rule => rule(isArray, `${name} must be an array`);

export const uuid = (name: string): Rule => rule((value) => isUUID(value), `${name} must be a UUID`);

// validator's IPv4 address expression (validator 13.15, lib/isIP.js, IPv4AddressRegExp), which isIP
// tries first. An address it matches is one isIP passes, so most addresses, IPv4 ones, pass without
// isIP's argument handling and its IPv6 expression; the rest go to isIP itself.
const IPV4_SEGMENT = '(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])';
const IPV4 = new RegExp(`^(${IPV4_SEGMENT}[.]){3}${IPV4_SEGMENT}$`);

export const isIpAddress = (value: unknown): boolean =>
  (typeof value === 'string' && IPV4.test(value)) || isIP(value);

export const ip = (name: string): Rule => rule(isIpAddress, `${name} must be an ip address`);

export const iso8601 = (name: string, options: Parameters<typeof isISO8601>[1]): Rule =>
  rule((value) => isISO8601(value, options), `${name} must be a valid ISO 8601 date string`);

export const arrayMax = (name: string, max: number): Rule =>
  rule((value) => arrayMaxSize(value, max), `${name} must contain no more than ${max} elements`);

export const oneOf = (name: string, values: readonly unknown[], message?: string): Rule =>
  rule(
    (value) => isIn(value, values),
    message ?? `${name} must be one of the following values: ${values.join(', ')}`,
  );

/**
 * Matches: validator's matches() is `!!str.match(pattern)`, which for an expression without the g or
 * y flag is pattern.test(str); such an expression is tested directly.
 */
export const pattern = (name: string, regex: RegExp, message?: string): Rule => {
  const plain = !regex.global && !regex.sticky;
  return rule(
    (value) => typeof value === 'string' && (plain ? regex.test(value) : matches(value, regex)),
    message ?? `${name} must match ${regex} regular expression`,
  );
};

/** Length(min, max): the message says which end was missed. */
export const lengthWithin = (name: string, min: number, max: number): Rule =>
  rule(
    (value) => length(value, min, max),
    (value) => {
      // As class-validator's message: `length` compared the way JavaScript compares it with a number.
      const size = value ? Number((value as { length?: unknown }).length) : NaN;
      if (!value || size < min) return `${name} must be longer than or equal to ${min} characters`;
      if (size > max) return `${name} must be shorter than or equal to ${max} characters`;
      return `${name} must be longer than or equal to ${min} and shorter than or equal to ${max} characters`;
    },
  );

/**
 * MaxLength: validator's isLength counts a surrogate pair as one character, so a string whose UTF-16
 * length is within the limit passes without the count; a longer one is counted as validator counts.
 */
export const lengthAtMost = (name: string, max: number): Rule =>
  rule(
    (value) => (typeof value === 'string' && value.length <= max) || maxLength(value, max),
    `${name} must be shorter than or equal to ${max} characters`,
  );

/** A rule with `{ each: true }`: over every item of an array, or over the value itself otherwise. */
export const each = (inner: Rule): Rule =>
  rule(
    (value, parent) =>
      Array.isArray(value) ? value.every((item) => inner.test(item, parent)) : inner.test(value, parent),
    (value, parent) => `each value in ${inner.reason(value, parent)}`,
  );

/** IsCount (snapshots/validators.ts): a whole number within [min, max]. */
export const count = (name: string, min: number, max: number): Rule =>
  rule(
    (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
    `${name} must be a whole number from ${min} to ${max}`,
  );

/** The strings of a printable text field: IsString, a length rule and Matches, bottom up. */
export const text = (name: string, size: Rule, printable: RegExp, message?: string): Rule[] => [
  pattern(name, printable, message),
  size,
  string(name),
];
