import { ApiClient } from '../simulator/client';
import { runPool } from '../simulator/pool';
import type { ApiProcess } from './api-process';
import { cpuSince, readCpu, type CpuSeconds } from './cpu';
import { latencyOf, type Latency } from './stats';
import type { WorkItem } from './workload';

export interface IngestResult {
  snapshots: number;
  countRows: number;
  seconds: number;
  snapshotsPerSecond: number;
  rowsPerSecond: number;
  /** POST /v1/snapshots, each HTTP exchange (retries included), under `agents` concurrent agents. */
  latency: Latency;
  /** Answers other than 200, by status. */
  statuses: Record<string, number>;
  failed: number;
  /** Peak RSS of the API process during the run (VmHWM after a reset at its start). */
  peakRssBytes: number;
  rssBeforeBytes: number;
  /** CPU seconds spent during the run by the API, the PostgreSQL server and the agents. */
  cpu: CpuSeconds;
}

/** Pushes every item through the API from `agents` concurrent agents, each one snapshot at a time. */
export async function ingest(
  api: ApiProcess,
  items: readonly WorkItem[],
  tokens: ReadonlyMap<number, string>,
  agents: number,
  postmasterPid: number | null,
): Promise<IngestResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const client = new ApiClient(api.url, {
    connections: agents,
    onExchange: (_path, exchange) => {
      latencies.push(exchange.ms);
      if (exchange.status !== 200) statuses[exchange.status] = (statuses[exchange.status] ?? 0) + 1;
    },
  });
  const rssBeforeBytes = api.memory().rssBytes;
  api.resetPeakRss();
  const cpuBefore = readCpu(api.pid, postmasterPid);
  const started = performance.now();
  const results = await runPool(items, agents, (item) =>
    client.pushSnapshot(tokens.get(item.host.index) ?? '', item.body),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore, readCpu(api.pid, postmasterPid));
  const peakRssBytes = api.memory().peakBytes;
  client.close();
  const failures = results.filter((result) => result instanceof Error);
  if (failures.length > 0)
    console.error(`bench: ${failures.length} pushes failed, first: ${failures[0].message}`);
  const countRows = items.reduce(
    (sum, item, i) => sum + (results[i] instanceof Error ? 0 : item.rows.length),
    0,
  );
  return {
    snapshots: items.length - failures.length,
    countRows,
    seconds,
    snapshotsPerSecond: (items.length - failures.length) / seconds,
    rowsPerSecond: countRows / seconds,
    latency: latencyOf(latencies),
    statuses,
    failed: failures.length,
    peakRssBytes,
    rssBeforeBytes,
    cpu,
  };
}
