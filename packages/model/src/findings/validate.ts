import { DEFAULT_THRESHOLDS, type FindingThresholds } from './thresholds';

/** Overrides of some thresholds: any group, any field of it. */
export type ThresholdOverrides = {
  [Group in keyof FindingThresholds]?: Partial<FindingThresholds[Group]>;
};

export interface ThresholdError {
  /** The dotted name of the field: `closeWait.warning`. */
  field: string;
  message: string;
}

type Kind = 'count' | 'points' | 'seconds' | 'rate' | 'share';

type Kinds = { [Group in keyof FindingThresholds]: { [Field in keyof FindingThresholds[Group]]: Kind } };

const KINDS: Kinds = {
  closeWait: {
    warning: 'count',
    critical: 'count',
    windowSeconds: 'seconds',
    minPoints: 'points',
    minPerMinute: 'rate',
    minIncrease: 'count',
    steadyShare: 'share',
  },
  synReceived: { warning: 'count', critical: 'count' },
  listenBacklog: { warningShare: 'share', criticalShare: 'share', queueWithoutBacklog: 'count' },
  synSent: { warning: 'count', critical: 'count' },
  ephemeral: { warningShare: 'share', criticalShare: 'share' },
  finWait2: { warning: 'count', critical: 'count' },
  lastAck: { warning: 'count', critical: 'count' },
  hostSilence: { criticalAfterSeconds: 'seconds' },
};

const RULES: Record<Kind, { test: (value: number) => boolean; message: string }> = {
  count: { test: (v) => Number.isInteger(v) && v >= 1, message: 'must be a whole number of at least 1' },
  // A slope needs two points; three are the fewest whose steps can disagree.
  points: { test: (v) => Number.isInteger(v) && v >= 3, message: 'must be a whole number of at least 3' },
  seconds: {
    test: (v) => Number.isInteger(v) && v >= 1,
    message: 'must be a whole number of seconds, at least 1',
  },
  rate: { test: (v) => Number.isFinite(v) && v > 0, message: 'must be a number above 0' },
  share: {
    test: (v) => Number.isFinite(v) && v > 0 && v <= 1,
    message: 'must be a number above 0 and at most 1',
  },
};

/** Every threshold's dotted name, `closeWait.warning` and so on, e.g. to map environment variables. */
export const THRESHOLD_FIELDS: readonly string[] = Object.entries(KINDS).flatMap(([group, fields]) =>
  Object.keys(fields).map((field) => `${group}.${field}`),
);

/**
 * Checks overrides of the defaults: unknown groups and fields, values of the wrong type or range,
 * and a warning level above its critical one once merged with the defaults. Empty when all is well.
 */
export function validateThresholds(partial: unknown): ThresholdError[] {
  if (!isRecord(partial)) return [{ field: '', message: 'must be an object of threshold groups' }];
  const errors: ThresholdError[] = [];
  for (const [group, fields] of Object.entries(partial)) {
    const kinds: Record<string, Kind> | undefined = (KINDS as Record<string, Record<string, Kind>>)[group];
    if (kinds === undefined)
      errors.push({ field: group, message: `is not a threshold group (${Object.keys(KINDS).join(', ')})` });
    else if (!isRecord(fields)) errors.push({ field: group, message: 'must be an object of thresholds' });
    else errors.push(...fieldErrors(group, fields, kinds));
  }
  if (errors.length > 0) return errors;
  return orderErrors(mergeThresholds(partial as ThresholdOverrides));
}

function fieldErrors(
  group: string,
  fields: Record<string, unknown>,
  kinds: Record<string, Kind>,
): ThresholdError[] {
  const errors: ThresholdError[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const kind = kinds[name];
    const field = `${group}.${name}`;
    if (kind === undefined)
      errors.push({ field, message: `is not a threshold of ${group} (${Object.keys(kinds).join(', ')})` });
    else if (typeof value !== 'number' || !RULES[kind].test(value)) {
      errors.push({ field, message: `${RULES[kind].message}, got ${JSON.stringify(value)}` });
    }
  }
  return errors;
}

function orderErrors(thresholds: FindingThresholds): ThresholdError[] {
  const errors: ThresholdError[] = [];
  for (const [group, values] of Object.entries(thresholds) as [string, Record<string, number>][]) {
    const pairs: [string, string][] = [
      ['warning', 'critical'],
      ['warningShare', 'criticalShare'],
    ];
    for (const [low, high] of pairs) {
      const lowValue = values[low];
      const highValue = values[high];
      if (lowValue !== undefined && highValue !== undefined && lowValue > highValue) {
        errors.push({
          field: `${group}.${low}`,
          message: `must not exceed ${group}.${high} (${lowValue} > ${highValue})`,
        });
      }
    }
  }
  return errors;
}

/** The defaults with the overrides applied; validate the overrides first. */
export function mergeThresholds(overrides: ThresholdOverrides = {}): FindingThresholds {
  const merged = structuredClone(DEFAULT_THRESHOLDS) as FindingThresholds;
  for (const group of Object.keys(KINDS) as (keyof FindingThresholds)[]) {
    Object.assign(merged[group], overrides[group] ?? {});
  }
  return merged;
}

/**
 * Reads overrides from dotted names and text values (`{ "closeWait.warning": "200" }`), as from
 * environment variables; each value must be a plain decimal number. Check the result with
 * validateThresholds.
 */
export function parseThresholdOverrides(entries: Readonly<Record<string, string>>): {
  overrides: ThresholdOverrides;
  errors: ThresholdError[];
} {
  const overrides: Record<string, Record<string, number>> = {};
  const errors: ThresholdError[] = [];
  for (const [field, text] of Object.entries(entries)) {
    const [group, name, extra] = field.split('.');
    if (
      group === undefined ||
      name === undefined ||
      extra !== undefined ||
      !THRESHOLD_FIELDS.includes(field)
    ) {
      errors.push({ field, message: `is not a threshold (${THRESHOLD_FIELDS.join(', ')})` });
    } else if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text)) {
      errors.push({ field, message: `must be a number, got ${JSON.stringify(text)}` });
    } else {
      (overrides[group] ??= {})[name] = Number(text);
    }
  }
  return { overrides: overrides as ThresholdOverrides, errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
