/**
 * A strict reader of the Prometheus text format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format), enough to prove that
 * what /metrics serves parses: it throws on the first line that does not.
 */
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: ParsedSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const pair = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\[\\"n])*)"\s*(,|$)/y;
  let at = 0;
  while (at < text.length) {
    pair.lastIndex = at;
    const match = pair.exec(text);
    if (!match) throw new Error(`bad labels in: ${line}`);
    if (match[1] in labels) throw new Error(`label ${match[1]} twice in: ${line}`);
    labels[match[1]] = match[2].replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    at = pair.lastIndex;
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in: ${line}`);
  return Number(text);
}

/** The family a sample belongs to: its own name, or a histogram's name without its suffix. */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return types.get(base) === 'histogram' ? base : undefined;
}

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const samples: ParsedSample[] = [];
  const series = new Set<string>();
  let current: string | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      if (!NAME.test(meta[2])) throw new Error(`bad metric name in: ${line}`);
      if (meta[1] === 'TYPE') {
        if (types.has(meta[2]) || !TYPES.has(meta[3])) throw new Error(`bad or repeated TYPE: ${line}`);
        types.set(meta[2], meta[3]);
        current = meta[2];
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample: ${line}`);
    const name = match[1];
    const family = familyOf(name, types);
    if (family === undefined || family !== current) throw new Error(`sample outside its family: ${line}`);
    const labels = match[2] === undefined ? {} : parseLabels(match[2], line);
    const key = JSON.stringify([name, Object.entries(labels).sort()]);
    if (series.has(key)) throw new Error(`series twice: ${line}`);
    series.add(key);
    samples.push({ name, labels, value: parseValue(match[3], line) });
  }
  checkHistograms(types, samples);
  return { types, samples };
}

/** Buckets are cumulative, and the +Inf bucket equals the count. */
function checkHistograms(types: Map<string, string>, samples: ParsedSample[]): void {
  for (const [name, type] of types) {
    if (type !== 'histogram') continue;
    const groups = new Map<string, ParsedSample[]>();
    for (const sample of samples.filter((s) => s.name === `${name}_bucket`)) {
      const { le, ...rest } = sample.labels;
      if (le === undefined) throw new Error(`${name}_bucket without le`);
      const key = JSON.stringify(Object.entries(rest).sort());
      groups.set(key, [...(groups.get(key) ?? []), sample]);
    }
    for (const [key, buckets] of groups) {
      const values = buckets.map((b) => b.value);
      if (values.some((v, i) => i > 0 && v < values[i - 1]))
        throw new Error(`${name} buckets not cumulative`);
      const count = samples.find(
        (s) => s.name === `${name}_count` && JSON.stringify(Object.entries(s.labels).sort()) === key,
      );
      if (buckets.at(-1)?.labels.le !== '+Inf' || count?.value !== values.at(-1)) {
        throw new Error(`${name}: the +Inf bucket must end the buckets and equal the count`);
      }
    }
  }
}

/** The value of the one sample with these labels exactly, or undefined. */
export function valueOf(
  exposition: Exposition,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return exposition.samples.find(
    (s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted,
  )?.value;
}
