import { ApiClient } from '../simulator/client';
import type { SimHost } from '../simulator/fleet';
import { runPool } from '../simulator/pool';
import { Random } from '../simulator/random';
import type { ApiSql, Statement } from './api-sql';
import type { BenchDatabase } from './database';
import { compare, runStatements, timeCalls, type GraphqlClient, type QueryComparison } from './query';
import { buildRound, type WorkItem } from './workload';

export interface Enrolment {
  tokens: Map<number, string>;
  hostIds: Map<number, string>;
  seconds: number;
  perSecond: number;
}

/** Enrols the fleet through the API, `agents` at a time, as agents enrol on first start. */
export async function enrolFleet(
  url: string,
  secret: string,
  hosts: readonly SimHost[],
  agents: number,
): Promise<Enrolment> {
  const client = new ApiClient(url, { connections: agents });
  const tokens = new Map<number, string>();
  const hostIds = new Map<number, string>();
  const started = performance.now();
  const results = await runPool(hosts, agents, async (host) => {
    const answer = await client.enroll(secret, { hostname: host.hostname, machineId: host.machineId });
    tokens.set(host.index, answer.token);
    hostIds.set(host.index, answer.hostId);
  });
  const seconds = (performance.now() - started) / 1000;
  client.close();
  const failure = results.find((result) => result instanceof Error);
  if (failure) throw failure;
  return { tokens, hostIds, seconds, perSecond: hosts.length / seconds };
}

/** Every round's snapshots, a minute apart and ending a minute ago, so each round replaces the last. */
export function buildRounds(hosts: readonly SimHost[], rounds: number, seed: number): WorkItem[][] {
  const now = Date.now();
  return Array.from({ length: rounds }, (_, round) =>
    buildRound(hosts, round, new Date(now - (rounds - round) * 60_000), seed),
  );
}

/**
 * Checks that the database holds what the reference COPY wrote: every ledger and history row, and
 * for a sample of hosts the current counts with their pids. Without this the comparison means nothing.
 */
export async function verifyStored(
  db: BenchDatabase,
  items: readonly WorkItem[],
  last: readonly WorkItem[],
  hostIds: Map<number, string>,
): Promise<void> {
  const client = await db.connect();
  try {
    const totals = await client.query<{ ledger: number; history: number }>(
      'select (select count(*) from snapshots)::int as ledger, (select count(*) from count_history)::int as history',
    );
    const rows = items.reduce((sum, item) => sum + item.rows.length, 0);
    const { ledger, history } = totals.rows[0];
    if (ledger !== items.length || history !== rows) {
      throw new Error(
        `the API stored ${ledger} snapshots and ${history} history rows; expected ${items.length} and ${rows}`,
      );
    }
    const key = (r: {
      state: string;
      direction: string;
      port: number;
      process: string | null;
      pid: number | null;
      count: number;
    }) => JSON.stringify([r.state, r.direction, r.port, r.process, r.pid, r.count]);
    for (const item of last.filter((_, i) => i % Math.max(1, Math.floor(last.length / 200)) === 0)) {
      const stored = await client.query(
        'select state, direction, port, process, pid, count from current_counts where host_id = $1',
        [hostIds.get(item.host.index)],
      );
      const want = item.rows.map(key).sort();
      const got = stored.rows.map(key).sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        throw new Error(`current counts of ${item.host.hostname} differ from the rows the reference writes`);
      }
    }
  } finally {
    await client.end();
  }
}

export const HEADLINE = `{ hosts(where: { sockets: { state: CLOSE_WAIT, port: 443, countGt: 100 } }) {
  nodes { hostname os lastSeenAt count topProcesses { name pid count } } } }`;

export const HOST = `query ($hostname: String!) { host(hostname: $hostname) {
  hostname os lastSeenAt socketCount counts { state direction port process pid count } topProcesses { name pid count } } }`;

export interface QueryRun {
  iterations: number;
  warmup: number;
}

/** The headline query through GraphQL and as the same SQL, checked to return the same hosts. */
export async function headlineQuery(
  graphql: GraphqlClient,
  sql: ApiSql,
  db: BenchDatabase,
  run: QueryRun,
): Promise<QueryComparison> {
  const capture = await sql.headline({ state: 'CLOSE_WAIT', port: 443, countGt: 100 }, 50, 5);
  const answer = await graphql.query<{ hosts: { nodes: { hostname: string }[] } }>(HEADLINE);
  const through = answer.hosts.nodes.map((node) => node.hostname);
  if (JSON.stringify(through) !== JSON.stringify(capture.result)) {
    throw new Error(
      `GraphQL and SQL disagree on the headline query: ${through.length} vs ${capture.result.length} hosts`,
    );
  }
  const graphqlMs = await timeCalls(run.iterations, run.warmup, () => graphql.query(HEADLINE));
  const sqlMs = await timeDirect(db, run, () => capture.statements);
  return compare(graphqlMs, sqlMs, through.length);
}

/** `host(hostname)` for a spread of hosts, through GraphQL and as the same SQL. */
export async function hostQuery(
  graphql: GraphqlClient,
  sql: ApiSql,
  db: BenchDatabase,
  hosts: readonly SimHost[],
  run: QueryRun,
  seed: number,
): Promise<QueryComparison> {
  const random = Random.of(seed, 'host-query');
  const sample = Array.from({ length: 50 }, () => random.pick(hosts).hostname);
  const statements: Statement[][] = [];
  for (const hostname of sample) statements.push((await sql.host(hostname, 5)).statements);
  const graphqlMs = await timeCalls(run.iterations, run.warmup, (i) =>
    graphql.query(HOST, { hostname: sample[i % sample.length] }),
  );
  const sqlMs = await timeDirect(db, run, (i) => statements[i % statements.length]);
  return compare(graphqlMs, sqlMs, 1);
}

async function timeDirect(
  db: BenchDatabase,
  run: QueryRun,
  statementsOf: (i: number) => readonly Statement[],
): Promise<number[]> {
  const client = await db.connect();
  try {
    return await timeCalls(run.iterations, run.warmup, (i) => runStatements(client, statementsOf(i)));
  } finally {
    await client.end();
  }
}
