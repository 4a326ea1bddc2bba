import { Injectable } from '@nestjs/common';
import type { Family } from './exposition';
import { Counter, Histogram } from './instruments';

// Ingestion commits in milliseconds alone and waits for a group commit under load; GraphQL queries
// range from a lookup to a fleet-wide scan. Both sets of bounds cover 5 ms to 10 s.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The API's own health: what it accepted, refused, wrote, and how long it took. */
@Injectable()
export class MetricsService {
  private readonly accepted = new Counter(
    'tcpfleet_snapshots_accepted_total',
    'Snapshots accepted by POST /v1/snapshots: created (new) or retry (stored before, nothing written)',
  );
  private readonly rejected = new Counter(
    'tcpfleet_snapshots_rejected_total',
    'Snapshots refused by POST /v1/snapshots, by the error code answered',
  );
  private readonly rows = new Counter(
    'tcpfleet_count_rows_written_total',
    'Count rows written by ingestion, by table',
  );
  private readonly ingestLatency = new Histogram(
    'tcpfleet_snapshot_request_duration_seconds',
    'Time to answer POST /v1/snapshots, body parsing and commit included, by status class',
    LATENCY_BUCKETS,
  );
  private readonly graphqlRequests = new Counter(
    'tcpfleet_graphql_requests_total',
    'GraphQL requests by operation type (unknown: the request did not parse or validate)',
  );
  private readonly graphqlLatency = new Histogram(
    'tcpfleet_graphql_request_duration_seconds',
    'Time to answer a GraphQL request, by operation type',
    LATENCY_BUCKETS,
  );
  private readonly limited = new Counter(
    'tcpfleet_rate_limited_total',
    'Requests refused with 429, by the limit reached',
  );
  private readonly errors = new Counter(
    'tcpfleet_errors_total',
    'Errors answered, by edge (rest, graphql) and code',
  );
  private readonly rollups = new Counter(
    'tcpfleet_fleet_rollups_total',
    'Runs of the fleet history rollup: written (this replica wrote the bucket), skipped (another had), failed',
  );

  constructor() {
    // Series exist from the start, so that rate() sees the first increase.
    for (const result of ['created', 'retry']) this.accepted.inc({ result }, 0);
    for (const table of ['count_history', 'current_counts']) this.rows.inc({ table }, 0);
    for (const result of ['written', 'skipped', 'failed']) this.rollups.inc({ result }, 0);
  }

  snapshotAccepted(created: boolean, historyRows: number, currentRows: number): void {
    this.accepted.inc({ result: created ? 'created' : 'retry' });
    this.rows.inc({ table: 'count_history' }, historyRows);
    this.rows.inc({ table: 'current_counts' }, currentRows);
  }

  /** One answered POST /v1/snapshots; `code` is the error code of a refusal. */
  snapshotRequest(status: number, seconds: number, code: string | undefined): void {
    this.ingestLatency.observe({ status: `${Math.floor(status / 100)}xx` }, seconds);
    if (status >= 400) this.rejected.inc({ reason: code ?? `http_${status}` });
  }

  graphqlRequest(operation: string, seconds: number): void {
    this.graphqlRequests.inc({ operation });
    this.graphqlLatency.observe({ operation }, seconds);
  }

  rateLimited(limit: string): void {
    this.limited.inc({ limit });
  }

  error(edge: 'rest' | 'graphql', code: string): void {
    this.errors.inc({ edge, code });
  }

  fleetRollup(result: 'written' | 'skipped' | 'failed'): void {
    this.rollups.inc({ result });
  }

  families(): Family[] {
    return [
      this.accepted,
      this.rejected,
      this.rows,
      this.ingestLatency,
      this.graphqlRequests,
      this.graphqlLatency,
      this.limited,
      this.errors,
      this.rollups,
    ].map((instrument) => instrument.family());
  }
}
