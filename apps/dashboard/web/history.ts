/** The time ranges the charts offer, in hours; the first is the default. */
export const RANGES_HOURS = [3, 1, 12, 24, 168] as const;
const POINTS = 60;

export interface Window {
  from: number;
  to: number;
  stepSeconds: number;
}

/**
 * `hours` back from `now` in about 60 steps of whole minutes. `from` sits on a step boundary so the API's
 * buckets (date_bin from `from`) line up for every host of one query and between refreshes. `to` is
 * the last whole second: the fleet history's bucket of this second may still be being written.
 */
export function windowOf(hours: number, now: number): Window {
  const stepSeconds = Math.max(60, Math.round((hours * 3600) / POINTS / 60) * 60);
  const step = stepSeconds * 1000;
  const from = Math.floor((now - hours * 3_600_000) / step) * step;
  return { from, to: Math.floor(now / 1000) * 1000, stepSeconds };
}

/** The ranges as the range buttons show them, shortest first. */
export function rangeOptions(): { value: number; label: string }[] {
  return [...RANGES_HOURS]
    .sort((a, b) => a - b)
    .map((value) => ({ value, label: value >= 48 ? `${value / 24} d` : `${value} h` }));
}

export function rangeFrom(params: URLSearchParams): number {
  const hours = Number(params.get('hours'));
  return (RANGES_HOURS as readonly number[]).includes(hours) ? hours : RANGES_HOURS[0];
}

export interface Point {
  at: number;
  value: number;
}
