import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiProcess } from '../src/bench/api-process';
import { BenchDatabase } from '../src/bench/database';
import { machineOf } from '../src/bench/machine';
import { latencyOf } from '../src/bench/stats';
import { ApiClient } from '../src/simulator/client';
import { buildFleet } from '../src/simulator/fleet';
import { assignIncidents, parseIncidents } from '../src/simulator/incidents';
import { runPool } from '../src/simulator/pool';
import { runLoad } from './load';
import { meanRss, sampleMemory } from './memory';
import { writeReport, type SoakResult } from './report';
import { verify } from './verify';

const ROOT = join(__dirname, '../..');
const SECRET = 'soak-enroll-secret-0123456789';
const USAGE = `usage: tsx bench/soak/run.ts [--duration SECONDS] [--agents N] [--interval SECONDS] [--memory-bound MIB]
  --duration      how long the fleet pushes (default 600)
  --agents        simulated agents (default 200)
  --interval      seconds between one agent's snapshots (default 10)
  --memory-bound  the API's peak RSS must stay under this, in MiB (default 512)
  --server-url    the PostgreSQL server to create a fresh database on
                  (default postgres://postgres@127.0.0.1:5432/postgres)
Runs the built API (pnpm run build first). Results: bench/results/soak-<date>.json and .md.`;

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '600' },
      agents: { type: 'string', default: '200' },
      interval: { type: 'string', default: '10' },
      'memory-bound': { type: 'string', default: '512' },
      'server-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: 'duration' | 'agents' | 'interval' | 'memory-bound'): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number >= 1`);
    return n;
  };
  return {
    duration: whole('duration'),
    agents: whole('agents'),
    interval: whole('interval'),
    memoryBound: whole('memory-bound') * 1024 * 1024,
    serverUrl: values['server-url'],
  };
}

async function enrolAll(url: string, hostnames: { index: number; hostname: string; machineId: string }[]) {
  const client = new ApiClient(url, { connections: 20 });
  const tokens = new Map<number, string>();
  const results = await runPool(hostnames, 20, async (host) => {
    const answer = await client.enroll(SECRET, { hostname: host.hostname, machineId: host.machineId });
    tokens.set(host.index, answer.token);
  });
  client.close();
  const failure = results.find((r) => r instanceof Error);
  if (failure) throw failure;
  return tokens;
}

/** The commit the run measured, and whether the API or the model differed from it in the working tree. */
function revision(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'apps/api', 'packages/model') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const o = options();
  if (!existsSync(join(ROOT, 'apps/api/dist/main.js')))
    throw new Error('apps/api/dist is missing: run pnpm run build');
  const startedAt = new Date().toISOString();
  const machine = await machineOf(o.serverUrl);
  const database = await BenchDatabase.create(o.serverUrl);
  const work = mkdtempSync(join(tmpdir(), 'tcpfleet-soak-'));
  const api = await ApiProcess.start({
    root: ROOT,
    env: { DATABASE_URL: database.url, TCPFLEET_ENROLL_SECRET: SECRET, TCPFLEET_DATA_DIR: work },
    logFile: join(work, 'api.log'),
  });
  try {
    const hosts = buildFleet(o.agents, 1);
    assignIncidents(hosts, parseIncidents('all'), 1);
    const tokens = await enrolAll(api.url, hosts);
    console.log(`soak: ${hosts.length} agents enrolled; pushing every ${o.interval} s for ${o.duration} s`);
    const memory = sampleMemory(api, 5000);
    const started = Date.now();
    const load = await runLoad({
      server: api.url,
      hosts,
      tokens,
      intervalMs: o.interval * 1000,
      seed: 1,
      until: started + o.duration * 1000,
    });
    const seconds = (Date.now() - started) / 1000;
    memory.stop();
    const client = await database.connect();
    const verification = await verify(client, load.sent).finally(() => client.end());
    const samples = memory.samples;
    const last = samples[samples.length - 1];
    const peak = Math.max(...samples.map((s) => s.peakBytes));
    const third = last.at / 3;
    const growth = meanRss(samples, 2 * third, last.at) / meanRss(samples, third, 2 * third);
    const failures = [
      ...(load.errors.length > 0 ? [`${load.errors.length} pushes failed`] : []),
      ...(Object.keys(load.statuses).some((s) => s !== '200') ? ['answers other than 200'] : []),
      ...(verification.mismatches.length > 0 ? [`${verification.mismatches.length} hosts differ`] : []),
      ...(verification.duplicates > 0 ? [`${verification.duplicates} duplicate ids`] : []),
      ...(verification.torn > 0 ? [`${verification.torn} torn current views`] : []),
      ...(peak > o.memoryBound ? ['peak RSS over the bound'] : []),
    ];
    const result: SoakResult = {
      startedAt,
      revision: revision(),
      machine,
      agents: o.agents,
      durationSeconds: o.duration,
      intervalSeconds: o.interval,
      memoryBoundBytes: o.memoryBound,
      statuses: load.statuses,
      errors: load.errors.slice(0, 50),
      latency: latencyOf(load.latencies),
      snapshotsPerSecond: verification.sent.snapshots / seconds,
      memory: {
        startRssBytes: samples[0].rssBytes,
        peakBytes: peak,
        endRssBytes: last.rssBytes,
        growth,
        samples,
      },
      verification: { ...verification, mismatches: verification.mismatches.slice(0, 20) },
      passed: failures.length === 0,
      failures,
    };
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const files = writeReport(dir, result);
    console.log(`soak: ${result.passed ? 'passed' : `FAILED (${failures.join('; ')})`}; ${files.join(', ')}`);
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    await api.stop();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
