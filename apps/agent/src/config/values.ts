import { HOSTNAME_PATTERN, LABEL_KEY_PATTERN, LABEL_VALUE_PATTERN, WIRE_LIMITS } from '@tcpfleet/model';

/** A setting's value could not be read; the loader adds where the value came from. */
export class ValueError extends Error {}

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30`, `30s`, `500ms`, `2m`, `1h` to milliseconds; a bare number is seconds. */
export function duration(raw: unknown): number {
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string') throw new ValueError('must be a duration such as 30s, 2m or 500ms');
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new ValueError(`"${text}" is not a duration such as 30s, 2m or 500ms`);
  return Math.round(Number(match[1]) * (DURATION_UNITS[match[2] ?? 's'] as number));
}

export function integer(raw: unknown): number {
  const value = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ValueError(`"${String(raw)}" is not a whole number`);
  }
  return value;
}

export function boolean(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  const text = String(raw).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new ValueError(`"${String(raw)}" is not true or false`);
}

export function text(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new ValueError('must be a non-empty string');
  return raw.trim();
}

/** An http(s) URL without a path beyond `/`, since the agent appends `/v1/...` itself. */
export function serverUrl(raw: unknown): string {
  let url: URL;
  try {
    url = new URL(text(raw));
  } catch {
    throw new ValueError(`"${String(raw)}" is not a URL such as https://tcpfleet.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValueError(`"${String(raw)}" must start with http:// or https://`);
  }
  if (url.search || url.hash) throw new ValueError(`"${String(raw)}" must not have a query or fragment`);
  return url.href.replace(/\/+$/, '');
}

export function hostname(raw: unknown): string {
  const value = text(raw);
  if (!HOSTNAME_PATTERN.test(value))
    throw new ValueError(`"${value}" may hold letters, digits, ".", "-" and "_" only`);
  if (value.length > WIRE_LIMITS.maxHostnameLength) {
    throw new ValueError(`longer than ${WIRE_LIMITS.maxHostnameLength} characters`);
  }
  return value;
}

/** `k=v` pairs: from a list of strings, a comma-separated string, or a JSON object. */
export function labels(raw: unknown): Record<string, string> {
  const pairs = labelPairs(raw);
  const result: Record<string, string> = {};
  for (const [key, value] of pairs) {
    if (!LABEL_KEY_PATTERN.test(key) || key.length > WIRE_LIMITS.maxLabelKeyLength) {
      throw new ValueError(`label key "${key}" must be 1-63 letters, digits, "-", "_", "." or "/"`);
    }
    if (value.length > WIRE_LIMITS.maxLabelValueLength) {
      throw new ValueError(`label "${key}" is longer than ${WIRE_LIMITS.maxLabelValueLength} characters`);
    }
    if (!LABEL_VALUE_PATTERN.test(value)) throw new ValueError(`label "${key}" holds a control character`);
    result[key] = value;
  }
  if (Object.keys(result).length > WIRE_LIMITS.maxLabels) {
    throw new ValueError(`more than ${WIRE_LIMITS.maxLabels} labels`);
  }
  return result;
}

function labelPairs(raw: unknown): [string, string][] {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    return Object.entries(raw).map(([key, value]) => {
      if (typeof value !== 'string') throw new ValueError(`label "${key}" must have a string value`);
      return [key, value];
    });
  }
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
  if (!items) throw new ValueError('must be k=v pairs');
  return items
    .map((item) => String(item).trim())
    .filter((item) => item !== '')
    .map((item) => {
      const at = item.indexOf('=');
      if (at <= 0) throw new ValueError(`"${item}" is not a k=v pair`);
      return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    });
}

export function oneOf<T extends string>(choices: readonly T[]): (raw: unknown) => T {
  return (raw) => {
    const value = String(raw).trim().toLowerCase();
    if (!(choices as readonly string[]).includes(value)) {
      throw new ValueError(`"${String(raw)}" is not one of ${choices.join(', ')}`);
    }
    return value as T;
  };
}

/** Bounds a number; `show` prints a bound the way a person writes the setting (e.g. `30s`). */
export function within(
  min: number,
  max: number,
  read: (raw: unknown) => number,
  show: (value: number) => string = String,
): (raw: unknown) => number {
  return (raw) => {
    const value = read(raw);
    if (value < min || value > max) {
      throw new ValueError(`"${String(raw)}" must be between ${show(min)} and ${show(max)}`);
    }
    return value;
  };
}

export const showDuration = (ms: number): string =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
