import type pg from 'pg';
import { ApiClient } from '../simulator/client';
import type { Statement } from './api-sql';
import { latencyOf, type Latency } from './stats';

export interface QueryComparison {
  graphql: Latency;
  sql: Latency;
  /** GraphQL p95 over SQL p95. */
  ratioP95: number;
  /** Hosts the query returned (same through both). */
  resultSize: number;
}

/** A GraphQL client for the bench: one kept-alive connection, requests one after another. */
export class GraphqlClient {
  private readonly client: ApiClient;

  constructor(
    url: string,
    private readonly apiKey: string,
  ) {
    this.client = new ApiClient(url, { connections: 1, maxAttempts: 1 });
  }

  /** Runs a query; fails on any GraphQL error so that a broken query never counts as fast. */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = Buffer.from(JSON.stringify({ query, variables }));
    const answer = await this.client.postJson('/graphql', this.apiKey, body);
    const parsed = JSON.parse(answer.body) as { data?: T; errors?: { message: string }[] };
    if (parsed.errors?.length) throw new Error(`GraphQL: ${parsed.errors.map((e) => e.message).join('; ')}`);
    if (parsed.data === undefined) throw new Error('GraphQL: no data');
    return parsed.data;
  }

  close(): void {
    this.client.close();
  }
}

/** Times `run` over `iterations` calls after `warmup` untimed ones; milliseconds per call. */
export async function timeCalls(
  iterations: number,
  warmup: number,
  run: (i: number) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Runs the statements of one request one after another on a plain connection. */
export async function runStatements(
  client: pg.Client,
  statements: readonly Statement[],
): Promise<pg.QueryResult[]> {
  const results: pg.QueryResult[] = [];
  for (const statement of statements) {
    results.push(await client.query({ text: statement.sql, values: statement.parameters as unknown[] }));
  }
  return results;
}

export function compare(graphql: number[], sql: number[], resultSize: number): QueryComparison {
  const g = latencyOf(graphql);
  const s = latencyOf(sql);
  return { graphql: g, sql: s, ratioP95: Math.round((g.p95 / s.p95) * 100) / 100, resultSize };
}
