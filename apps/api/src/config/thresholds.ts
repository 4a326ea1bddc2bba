import {
  mergeThresholds,
  parseThresholdOverrides,
  THRESHOLD_FIELDS,
  validateThresholds,
  type FindingThresholds,
} from '@tcpfleet/model';

export const THRESHOLD_PREFIX = 'TCPFLEET_FINDING_';

/**
 * The variable overriding a threshold: `closeWait.windowSeconds` is
 * TCPFLEET_FINDING_CLOSE_WAIT_WINDOW_SECONDS, `finWait2.warning` TCPFLEET_FINDING_FIN_WAIT_2_WARNING.
 */
export function thresholdVariable(field: string): string {
  const snake = field
    .replace(/\./g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([a-zA-Z])(\d)/g, '$1_$2');
  return `${THRESHOLD_PREFIX}${snake.toUpperCase()}`;
}

/** A problem with one threshold variable; config.ts turns it into a ConfigError. */
export interface ThresholdProblem {
  variable: string;
  reason: string;
}

/**
 * The finding thresholds: the model's defaults with the TCPFLEET_FINDING_* overrides of the environment,
 * checked by the model's validateThresholds. The first problem is returned instead, named by its variable.
 */
export function thresholdsFrom(
  env: Record<string, string | undefined>,
): FindingThresholds | ThresholdProblem {
  const fields = new Map(THRESHOLD_FIELDS.map((field) => [thresholdVariable(field), field]));
  const entries: Record<string, string> = {};
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.startsWith(THRESHOLD_PREFIX) || value === undefined || value === '') continue;
    const field = fields.get(variable);
    if (field === undefined) {
      return { variable, reason: `is not a finding threshold; known: ${[...fields.keys()].join(', ')}` };
    }
    entries[field] = value;
  }
  const parsed = parseThresholdOverrides(entries);
  const [problem] = parsed.errors.length > 0 ? parsed.errors : validateThresholds(parsed.overrides);
  if (problem) return { variable: thresholdVariable(problem.field), reason: problem.message };
  return mergeThresholds(parsed.overrides);
}
