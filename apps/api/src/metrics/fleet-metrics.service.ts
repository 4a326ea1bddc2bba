import { Inject, Injectable } from '@nestjs/common';
import { FINDING_RULES, TCP_STATES } from '@tcpfleet/model';
import type { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { LEVEL } from '../findings/finding-levels';
import { FindingsService } from '../findings/findings.service';
import type { Family } from './exposition';
import { secondsSince } from './instruments';
import { FleetMetricsRepository, type FleetRow } from './fleet-metrics.repository';

// Scrapes from several Prometheus servers (or a dashboard refreshing) within this time share one query.
const CACHE_MS = 10_000;

const SEVERITY_OF_LEVEL: Record<number, string> = {
  [LEVEL.warning]: 'warning',
  [LEVEL.critical]: 'critical',
};

interface Reading {
  at: number;
  families: Family[];
}

const gauge = (name: string, help: string, samples: Family['samples']): Family => ({
  name,
  help,
  type: 'gauge',
  samples,
});

/** Fleet gauges (one SQL statement, cached briefly) and the database's state. */
@Injectable()
export class FleetMetricsService {
  private reading: Reading | null = null;
  private pending: Promise<Reading> | null = null;

  constructor(
    private readonly repository: FleetMetricsRepository,
    private readonly findings: FindingsService,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async families(now = Date.now()): Promise<Family[]> {
    const fresh = this.reading && now - this.reading.at < CACHE_MS ? this.reading : null;
    const reading = fresh ?? (await this.read(now));
    return [...reading.families, ...this.pool()];
  }

  private read(now: number): Promise<Reading> {
    this.pending ??= this.query(now).finally(() => (this.pending = null));
    return this.pending;
  }

  private async query(now: number): Promise<Reading> {
    const started = process.hrtime.bigint();
    let rows: FleetRow[];
    try {
      rows = await this.repository.fleet(this.findings.basis(new Date(now)));
    } catch {
      // Without the database the API still answers with its own metrics, and says the database is down.
      return { at: now, families: [this.up(0)] };
    }
    const reading = { at: now, families: [this.up(1), ...fleetFamilies(rows, secondsSince(started))] };
    this.reading = reading;
    return reading;
  }

  private up(value: number): Family {
    return gauge('tcpfleet_database_up', 'Whether the last fleet query reached the database', [
      { labels: {}, value },
    ]);
  }

  private pool(): Family[] {
    const stats = this.database.poolStats();
    if (!stats) return [];
    return [
      gauge('tcpfleet_database_pool_max', 'Connections the pool may open (TCPFLEET_DB_POOL_SIZE)', [
        { labels: {}, value: stats.max },
      ]),
      gauge('tcpfleet_database_pool_connections', 'Pool connections by state, and queries waiting for one', [
        { labels: { state: 'total' }, value: stats.total },
        { labels: { state: 'idle' }, value: stats.idle },
        { labels: { state: 'waiting' }, value: stats.waiting },
      ]),
    ];
  }
}

/** The gauges of one fleet query; every state, rule and severity appears, zero when none. */
export function fleetFamilies(rows: readonly FleetRow[], seconds: number): Family[] {
  const value = (kind: FleetRow['kind'], key: string, level: number | null = null): number =>
    rows.find((row) => row.kind === kind && row.key === key && row.level === level)?.value ?? 0;
  const levels = [LEVEL.warning, LEVEL.critical];
  return [
    gauge('tcpfleet_hosts_reporting', 'Hosts whose current snapshot is within the stale threshold', [
      { labels: {}, value: value('hosts', 'reporting') },
    ]),
    gauge('tcpfleet_hosts_stale', 'Hosts that stopped reporting (or never reported)', [
      { labels: {}, value: value('hosts', 'stale') },
    ]),
    gauge(
      'tcpfleet_fleet_sockets',
      'Sockets per state over the hosts reporting',
      TCP_STATES.map((state) => ({ labels: { state }, value: value('sockets', state) })),
    ),
    gauge(
      'tcpfleet_hosts_over_threshold',
      'Hosts whose current counts, listeners or destinations reach a finding rule’s threshold, at the highest severity reached (trends not included)',
      FINDING_RULES.flatMap((rule) =>
        levels.map((level) => ({
          labels: { rule, severity: SEVERITY_OF_LEVEL[level] },
          value: value('findings', rule, level),
        })),
      ),
    ),
    gauge('tcpfleet_fleet_query_duration_seconds', 'How long the last fleet query took', [
      { labels: {}, value: seconds },
    ]),
  ];
}
