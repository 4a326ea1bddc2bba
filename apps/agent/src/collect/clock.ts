/**
 * Milliseconds on a monotonic clock, for timing collectors. process.hrtime is part of the process:
 * `performance` (node:perf_hooks, or the global that loads it) costs most of a megabyte resident.
 */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
