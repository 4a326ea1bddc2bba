import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from '../src/bench/machine';
import type { Latency } from '../src/bench/stats';
import type { MemorySample } from './memory';
import type { Verification } from './verify';

export interface SoakResult {
  startedAt: string;
  /** The commit measured (apps/api and packages/model), from git. */
  revision?: string;
  machine: Machine;
  agents: number;
  durationSeconds: number;
  intervalSeconds: number;
  /** The bound the API's peak RSS must stay within, stated before the run. */
  memoryBoundBytes: number;
  statuses: Record<string, number>;
  errors: string[];
  latency: Latency;
  snapshotsPerSecond: number;
  memory: {
    startRssBytes: number;
    peakBytes: number;
    endRssBytes: number;
    /** Mean RSS of the last third of the run over that of the middle third (after warm-up). */
    growth: number;
    samples: MemorySample[];
  };
  verification: Verification;
  passed: boolean;
  failures: string[];
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function markdown(r: SoakResult): string {
  const v = r.verification;
  const m = r.machine;
  return `# tcpfleet soak: ${r.agents} agents for ${r.durationSeconds / 60} minutes, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC

Revision: ${r.revision ?? 'not recorded'}.
Machine: ${m.cores} cores (${m.cpu}), ${mib(m.memoryBytes)} memory, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}.
Load: ${r.agents} simulated agents (bench/src/simulator hosts and snapshots), one snapshot each every ${r.intervalSeconds} s, spread over the interval, gzip JSON through \`POST /v1/snapshots\` into a fresh database on 127.0.0.1:5432.

| figure | value |
| --- | ---: |
| result | ${r.passed ? 'passed' : `FAILED: ${r.failures.join('; ')}`} |
| snapshots sent / stored (SQL) | ${int(v.sent.snapshots)} / ${int(v.stored.snapshots)} |
| count rows sent / stored | ${int(v.sent.rows)} / ${int(v.stored.rows)} |
| sockets counted, sent / stored | ${int(v.sent.sockets)} / ${int(v.stored.sockets)} |
| hosts differing, duplicate ids, torn current views | ${v.mismatches.length}, ${v.duplicates}, ${v.torn} |
| pushes failed after retries | ${r.errors.length} |
| HTTP answers by status | ${Object.entries(r.statuses)
    .map(([s, n]) => `${s}: ${int(n)}`)
    .join(', ')} |
| throughput | ${r.snapshotsPerSecond.toFixed(1)} snapshots/s |
| POST /v1/snapshots p50 / p95 / p99 / max | ${r.latency.p50} / ${r.latency.p95} / ${r.latency.p99} / ${r.latency.max} ms |
| API RSS at start / end | ${mib(r.memory.startRssBytes)} / ${mib(r.memory.endRssBytes)} |
| API peak RSS (VmHWM) / bound | ${mib(r.memory.peakBytes)} / ${mib(r.memoryBoundBytes)} |
| RSS growth, last third of the run over the middle third | ${(r.memory.growth * 100 - 100).toFixed(1)}% |

Counts are checked host by host: the snapshots in the ledger, the count_history rows and the sum of their counts against what each simulated agent had acknowledged.
`;
}

/** Writes soak-<date>.json and .md into the results directory; gives the two paths. */
export function writeReport(dir: string, result: SoakResult): string[] {
  const stamp = result.startedAt.slice(0, 16).replace(':', '-');
  const json = join(dir, `soak-${stamp}Z.json`);
  const md = join(dir, `soak-${stamp}Z.md`);
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(md, markdown(result));
  return [json, md];
}
