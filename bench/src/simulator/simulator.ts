import { gzipSync } from 'node:zlib';
import { ApiClient } from './client';
import { buildFleet, type SimHost } from './fleet';
import { assignIncidents, type IncidentName } from './incidents';
import { runPool } from './pool';
import { buildSnapshot } from './snapshot';

export interface SimulatorOptions {
  server: string;
  enrollSecret: string;
  hosts: number;
  seed: number;
  incidents: readonly IncidentName[];
  /** Concurrent agents: requests in flight at once. */
  concurrency: number;
  /** Cap on each snapshot's socket list. */
  maxSockets?: number;
  /** Send `listeners` and `destinations` with each snapshot. */
  findings?: boolean;
  now?: () => Date;
}

export interface RoundReport {
  round: number;
  snapshots: number;
  countRows: number;
  failed: number;
  /** The first failure's message, when any failed. */
  error: string | null;
  ms: number;
}

/** A simulated fleet pushing through the real REST API: enrols once, then one snapshot per host per round. */
export class Simulator {
  readonly fleet: SimHost[];
  private readonly tokens = new Map<number, string>();
  private readonly client: ApiClient;

  constructor(private readonly options: SimulatorOptions) {
    this.fleet = buildFleet(options.hosts, options.seed);
    assignIncidents(this.fleet, options.incidents, options.seed);
    this.client = new ApiClient(options.server, { connections: options.concurrency });
  }

  /** Enrols every host not enrolled yet; throws with the first failure (a wrong secret fails them all). */
  async enrol(): Promise<void> {
    const pending = this.fleet.filter((host) => !this.tokens.has(host.index));
    const results = await runPool(pending, this.options.concurrency, async (host) => {
      const answer = await this.client.enroll(this.options.enrollSecret, {
        hostname: host.hostname,
        machineId: host.machineId,
      });
      this.tokens.set(host.index, answer.token);
    });
    const failure = results.find((result) => result instanceof Error);
    if (failure) throw failure;
  }

  /** Builds and pushes every host's snapshot of one round; failures are counted, not thrown. */
  async round(round: number): Promise<RoundReport> {
    const started = performance.now();
    const now = this.options.now ?? (() => new Date());
    let countRows = 0;
    const results = await runPool(this.fleet, this.options.concurrency, async (host) => {
      const token = this.tokens.get(host.index);
      if (token === undefined) throw new Error(`${host.hostname} is not enrolled`);
      const { snapshot } = buildSnapshot(host, round, now(), this.options.seed, {
        maxSockets: this.options.maxSockets,
        findings: this.options.findings,
      });
      countRows += snapshot.counts.length;
      return this.client.pushSnapshot(token, gzipSync(JSON.stringify(snapshot)));
    });
    const failures = results.filter((result): result is Error => result instanceof Error);
    return {
      round,
      snapshots: results.length - failures.length,
      countRows,
      failed: failures.length,
      error: failures[0]?.message ?? null,
      ms: performance.now() - started,
    };
  }

  close(): void {
    this.client.close();
  }
}
