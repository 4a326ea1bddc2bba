import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { summariseProfile, type ProfileSummary } from '../profile/cpu-profile';
import { buildFleet } from '../simulator/fleet';
import { assignIncidents, INCIDENTS } from '../simulator/incidents';
import { ApiProcess } from './api-process';
import { ApiSql } from './api-sql';
import { copyReference } from './copy';
import { BenchDatabase } from './database';
import { ingest } from './ingest';
import { machineOf } from './machine';
import { buildRounds, enrolFleet, headlineQuery, hostQuery, verifyStored } from './phases';
import { GraphqlClient } from './query';
import { targetsOf, type BenchResult, type Load } from './report';

export interface BenchOptions {
  root: string;
  serverUrl: string;
  hosts: number;
  rounds: number;
  agents: number;
  seed: number;
  iterations: number;
  warmup: number;
  name: string;
  /** Run the API under `node --cpu-prof`, one process per phase, and summarise each profile. */
  profile: boolean;
  /** Leave the run's database in place (for EXPLAIN and the like) instead of dropping it. */
  keepDatabase: boolean;
  log: (line: string) => void;
}

const ENROLL_SECRET = 'bench-enroll-secret-0123456789';
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/** One full run on a fresh database: enrol, reference COPY, ingestion, queries; the database is dropped. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date();
  const work = mkdtempSync(join(tmpdir(), 'tcpfleet-bench-'));
  const db = await BenchDatabase.create(options.serverUrl);
  const env = {
    DATABASE_URL: db.url,
    TCPFLEET_DATA_DIR: work,
    TCPFLEET_ENROLL_SECRET: ENROLL_SECRET,
    TCPFLEET_ADMIN_KEY: ADMIN_KEY,
    // The run lasts minutes; hosts must not turn stale (and drop out of the queries) while it does.
    TCPFLEET_STALE_AFTER_SECONDS: '86400',
    // One client address stands for the whole fleet here, and one enrolment secret enrols 10,000
    // hosts at once: the per-address and per-secret limits are off. Each host token keeps its limit.
    TCPFLEET_LIMIT_ENROLL_TOKEN_PER_MINUTE: '0',
    TCPFLEET_LIMIT_ENROLL_ADDRESS_PER_MINUTE: '0',
    TCPFLEET_LIMIT_INGEST_ADDRESS_PER_MINUTE: '0',
  };
  const profiles: Record<string, ProfileSummary> = {};
  const apis: ApiProcess[] = [];
  // One API process for the whole run; with --profile one per phase, each with its own profile.
  const startApi = async (phase: string): Promise<ApiProcess> => {
    await apis.at(-1)?.stop();
    const cpuProfileDir = options.profile ? join(work, `profile-${phase}`) : undefined;
    if (cpuProfileDir) mkdirSync(cpuProfileDir);
    const api = await ApiProcess.start({
      root: options.root,
      env,
      logFile: join(work, `api-${phase}.log`),
      cpuProfileDir,
    });
    apis.push(api);
    return api;
  };
  try {
    const machine = await machineOf(options.serverUrl);
    const fleet = buildFleet(options.hosts, options.seed);
    assignIncidents(fleet, INCIDENTS, options.seed);
    options.log(`enrolling ${fleet.length} hosts (database ${db.name})`);
    let api = await startApi('enrol');
    const enrolment = await enrolFleet(api.url, ENROLL_SECRET, fleet, options.agents);
    options.log(`building ${options.rounds} rounds of snapshots`);
    const buildStarted = performance.now();
    const rounds = buildRounds(fleet, options.rounds, options.seed);
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const items = rounds.flat();
    const last = rounds[rounds.length - 1];
    options.log('reference: COPY of the same rows');
    const copyClient = await db.connect();
    const copy = await copyReference(copyClient, items, enrolment.hostIds, new Set(last)).finally(() =>
      copyClient.end(),
    );
    if (options.profile) api = await startApi('ingest');
    options.log(`ingestion: ${items.length} snapshots from ${options.agents} agents`);
    const loadBefore = loadOf();
    const postmaster = await db.postmasterPid();
    const ingestion = await ingest(api, items, enrolment.tokens, options.agents, postmaster);
    const loadAfter = loadOf();
    await verifyStored(db, items, last, enrolment.hostIds);
    // What autovacuum would have done by now on a server that runs it (migration 0005 has it vacuum
    // current_counts after 2% of its rows changed); the bench's server may run without it. Both the
    // API and the SQL reference then query the same vacuumed tables.
    await db.run('vacuum (analyze)');
    if (options.profile) api = await startApi('query');
    options.log('queries: GraphQL and the same SQL');
    const graphql = new GraphqlClient(api.url, ADMIN_KEY);
    const sql = ApiSql.open(options.root, db.url, env);
    const run = { iterations: options.iterations, warmup: options.warmup };
    const headline = await headlineQuery(graphql, sql, db, run);
    const host = await hostQuery(graphql, sql, db, fleet, run, options.seed);
    graphql.close();
    await sql.close();
    await api.stop();
    if (options.profile) collectProfiles(work, profiles);
    const result = {
      name: options.name,
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      load: { beforeIngestion: loadBefore, afterIngestion: loadAfter },
      workload: {
        hosts: fleet.length,
        rounds: options.rounds,
        agents: options.agents,
        snapshots: items.length,
        countRowsPerSnapshot: copy.countRows / items.length,
        socketsPerSnapshot: items.reduce((sum, item) => sum + item.sockets, 0) / items.length,
        gzipBytesPerSnapshot: items.reduce((sum, item) => sum + item.body.length, 0) / items.length,
        buildSeconds,
      },
      enrolment: { seconds: enrolment.seconds, perSecond: enrolment.perSecond },
      ingestion: { api: ingestion, copy, rowShareOfCopy: ingestion.rowsPerSecond / copy.rowsPerSecond },
      query: { headline, host },
      profiles,
    };
    return { ...result, targets: targetsOf(result) };
  } finally {
    for (const api of apis) await api.stop();
    if (options.keepDatabase) options.log(`database kept: ${db.url}`);
    else await db.drop();
    if (!options.profile) rmSync(work, { recursive: true, force: true });
    else options.log(`API logs and profiles kept in ${work}`);
  }
}

/** How busy the machine was: load averages and the share of time tasks waited for a CPU (PSI). */
function loadOf(): Load {
  const [one, five] = loadavg();
  let cpuPressure10s: number | null = null;
  try {
    const some = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    cpuPressure10s = some ? Number(some[1]) : null;
  } catch {
    // no pressure stall information on this kernel
  }
  return { loadavg1: one, loadavg5: five, cpuPressure10s };
}

function collectProfiles(work: string, into: Record<string, ProfileSummary>): void {
  for (const phase of ['ingest', 'query']) {
    const dir = join(work, `profile-${phase}`);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (file) into[phase] = summariseProfile(join(dir, file));
  }
}
