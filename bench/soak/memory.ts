import type { ApiProcess } from '../src/bench/api-process';

export interface MemorySample {
  /** Seconds since the load started. */
  at: number;
  rssBytes: number;
  peakBytes: number;
}

/** Samples the API's VmRSS and VmHWM (/proc/<pid>/status) every `everyMs` until stopped. */
export function sampleMemory(api: ApiProcess, everyMs: number): { samples: MemorySample[]; stop(): void } {
  const samples: MemorySample[] = [];
  const started = Date.now();
  const take = (): void => {
    const { rssBytes, peakBytes } = api.memory();
    samples.push({ at: Math.round((Date.now() - started) / 1000), rssBytes, peakBytes });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      take();
    },
  };
}

/** Average RSS over a window of seconds, for the growth between the first and the last minutes. */
export function meanRss(samples: readonly MemorySample[], from: number, to: number): number {
  const inside = samples.filter((s) => s.at >= from && s.at <= to);
  return inside.reduce((sum, s) => sum + s.rssBytes, 0) / Math.max(1, inside.length);
}
