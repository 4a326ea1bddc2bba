/** Round numbers for a y axis from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, wanted = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / wanted;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const whole = Math.max(step, Math.round(step));
  const ticks: number[] = [];
  for (let value = 0; value < max + whole; value += whole) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

/** A linear map from a domain onto a range (pixels); a flat domain maps to the range's start. */
export function linear(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Times for an x axis: every `step` ms, aligned to the step, inside [from, to]. */
export function timeTicks(from: number, to: number, wanted = 5): number[] {
  const steps = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map(
    (minutes) => minutes * 60_000,
  );
  const step = steps.find((candidate) => (to - from) / candidate <= wanted) ?? steps[steps.length - 1];
  const ticks: number[] = [];
  for (let at = Math.ceil(from / step) * step; at <= to; at += step) ticks.push(at);
  return ticks;
}
