import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileSummary } from '../profile/cpu-profile';
import type { CopyResult } from './copy';
import type { IngestResult } from './ingest';
import type { Machine } from './machine';
import type { QueryComparison } from './query';

/** The name of the default run, whose table the README shows. */
export const DEFAULT_NAME = 'fleet';

export interface Workload {
  hosts: number;
  rounds: number;
  agents: number;
  snapshots: number;
  countRowsPerSnapshot: number;
  socketsPerSnapshot: number;
  gzipBytesPerSnapshot: number;
  buildSeconds: number;
}

export interface Load {
  loadavg1: number;
  loadavg5: number;
  /** /proc/pressure/cpu "some avg10": % of the last 10 s in which some task waited for a CPU. */
  cpuPressure10s: number | null;
}

export interface Target {
  name: string;
  target: string;
  actual: string;
  met: boolean;
}

export interface BenchResult {
  name: string;
  startedAt: string;
  seconds: number;
  machine: Machine;
  load: { beforeIngestion: Load; afterIngestion: Load };
  workload: Workload;
  enrolment: { seconds: number; perSecond: number };
  ingestion: { api: IngestResult; copy: CopyResult; rowShareOfCopy: number };
  query: { headline: QueryComparison; host: QueryComparison };
  targets: Target[];
  profiles: Record<string, ProfileSummary>;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const cpuMs = (seconds: number, snapshots: number): string =>
  `${((seconds * 1000) / snapshots).toFixed(2)} ms`;
const mib = (bytes: number): string => `${int(bytes / 1024 / 1024)} MiB`;

/** The benchmark's targets against this run's figures. */
export function targetsOf(result: Omit<BenchResult, 'targets'>): Target[] {
  const { api } = result.ingestion;
  const { headline } = result.query;
  return [
    {
      name: 'ingestion, snapshots/s',
      target: '>= 1,000',
      actual: int(api.snapshotsPerSecond),
      met: api.snapshotsPerSecond >= 1000,
    },
    {
      name: 'ingestion, count rows/s against COPY',
      target: '>= 40%',
      actual: `${(result.ingestion.rowShareOfCopy * 100).toFixed(1)}%`,
      met: result.ingestion.rowShareOfCopy >= 0.4,
    },
    {
      name: 'headline query p95',
      target: '<= 50 ms',
      actual: ms(headline.graphql.p95),
      met: headline.graphql.p95 <= 50,
    },
    {
      name: 'headline query p95 against SQL',
      target: '<= 3x',
      actual: `${headline.ratioP95.toFixed(2)}x`,
      met: headline.ratioP95 <= 3,
    },
  ];
}

function loadText(load: Load): string {
  const pressure = load.cpuPressure10s === null ? '' : `, CPU pressure ${load.cpuPressure10s.toFixed(0)}%`;
  return `load average ${load.loadavg1.toFixed(2)}${pressure}`;
}

export function markdown(result: BenchResult): string {
  const { machine: m, workload: w, ingestion, query } = result;
  const { api, copy } = ingestion;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    `# tcpfleet benchmark: ${result.name}, ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${mib(m.memoryBytes)} memory, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}.`,
    `Load: ${loadText(result.load.beforeIngestion)} before the ingestion run, ${loadText(result.load.afterIngestion)} after it (other work on the machine skews the figures).`,
    `Workload: ${int(w.hosts)} simulated hosts, ${w.rounds} rounds, ${int(w.snapshots)} snapshots of ${w.countRowsPerSnapshot.toFixed(1)} count rows and ${int(w.socketsPerSnapshot)} sockets each (${int(w.gzipBytesPerSnapshot)} bytes gzipped), ${w.agents} concurrent agents.`,
    '',
    row(['figure', 'tcpfleet API', 'reference, same run', 'API / reference']),
    row(['---', '---:', '---:', '---:']),
    row([
      'ingestion, snapshots/s',
      int(api.snapshotsPerSecond),
      `COPY ${int(copy.snapshotsPerSecond)}`,
      `${(api.snapshotsPerSecond / copy.snapshotsPerSecond).toFixed(2)}x`,
    ]),
    row([
      'ingestion, count rows/s',
      int(api.rowsPerSecond),
      `COPY ${int(copy.rowsPerSecond)}`,
      `${(ingestion.rowShareOfCopy * 100).toFixed(1)}%`,
    ]),
    row(['POST /v1/snapshots p50 / p99', `${ms(api.latency.p50)} / ${ms(api.latency.p99)}`, '', '']),
    row([
      `headline query p50 / p95 (${int(w.hosts)} hosts)`,
      `${ms(query.headline.graphql.p50)} / ${ms(query.headline.graphql.p95)}`,
      `SQL ${ms(query.headline.sql.p50)} / ${ms(query.headline.sql.p95)}`,
      `${query.headline.ratioP95.toFixed(2)}x`,
    ]),
    row([
      'host(hostname) p50 / p95',
      `${ms(query.host.graphql.p50)} / ${ms(query.host.graphql.p95)}`,
      `SQL ${ms(query.host.sql.p50)} / ${ms(query.host.sql.p95)}`,
      `${query.host.ratioP95.toFixed(2)}x`,
    ]),
    row(['API peak RSS during ingestion', mib(api.peakRssBytes), `at start ${mib(api.rssBeforeBytes)}`, '']),
    row([
      'CPU per snapshot during ingestion',
      `API ${cpuMs(api.cpu.api, api.snapshots)}`,
      `PostgreSQL ${api.cpu.postgres === null ? 'not measured (not on this machine)' : cpuMs(api.cpu.postgres, api.snapshots)}, agents ${cpuMs(api.cpu.agents, api.snapshots)}`,
      '',
    ]),
    '',
    row(['target', 'wanted', 'measured', 'met']),
    row(['---', '---:', '---:', '---']),
    ...result.targets.map((t) => row([t.name, t.target, t.actual, t.met ? 'yes' : 'no'])),
    '',
    `The reference COPY writes the same ledger and count rows into the same tables (snapshots, count_history, current_counts) on one connection; the API also writes each host's socket list, listeners and destinations and its host facts, which the reference does not. Queries run after \`vacuum (analyze)\`, as autovacuum would have by then. The headline query returned ${query.headline.resultSize} hosts; the SQL reference runs the statements the API's own repositories build for the same request, on one connection. Enrolment: ${int(result.enrolment.perSecond)} hosts/s.`,
    '',
  ];
  return [...lines, ...profileLines(result.profiles)].join('\n');
}

/** With --profile: where the API process spent its CPU in each phase, by module and by function. */
function profileLines(profiles: Record<string, ProfileSummary>): string[] {
  const lines: string[] = [];
  for (const [phase, summary] of Object.entries(profiles)) {
    const spots = (title: string, list: ProfileSummary['modules']) =>
      `${title}: ${list
        .slice(0, 8)
        .map((spot) => `${spot.name} ${(spot.share * 100).toFixed(1)}%`)
        .join(', ')}.`;
    lines.push(
      `API CPU profile, ${phase} phase (${int(summary.totalMs)} ms sampled):`,
      '',
      `- ${spots('self time by module', summary.modules)}`,
      `- ${spots('self time by function', summary.functions)}`,
      '',
    );
  }
  return lines;
}

/**
 * Writes `<name>-<date>.json` and the markdown table: `latest.md` for the default run (the README
 * shows it), `<name>-latest.md` for a run under another name. Returns the JSON's path.
 */
export function writeResult(dir: string, result: BenchResult): string {
  mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.slice(0, 16).replace(/:/g, '-');
  const path = join(dir, `${result.name}-${stamp}Z.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  const table = result.name === DEFAULT_NAME ? 'latest.md' : `${result.name}-latest.md`;
  writeFileSync(join(dir, table), markdown(result));
  return path;
}
