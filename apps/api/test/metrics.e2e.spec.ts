import { Direction, TcpState } from '@tcpfleet/model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enroll, graphql, push, request } from './support/http';
import { parseExposition, valueOf, type Exposition } from './support/prometheus';
import { count, snapshot } from './support/snapshots';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(90_000);

describe('GET /metrics', () => {
  let t: TestApi;
  let scrape: Exposition;
  let historyRows = 0;

  beforeAll(async () => {
    t = await startTestApi({ TCPFLEET_STALE_AFTER_SECONDS: '600' });
    const busy = await enroll(t.url, 'metrics-busy');
    const quiet = await enroll(t.url, 'metrics-quiet');
    const first = snapshot({
      hostname: 'metrics-busy',
      collectedAt: new Date(Date.now() - 60_000),
      counts: [count(TcpState.CLOSE_WAIT, 443, 'java', 150), count(TcpState.ESTABLISHED, 443, 'java', 10)],
    });
    const second = snapshot({
      hostname: 'metrics-busy',
      counts: [
        count(TcpState.CLOSE_WAIT, 443, 'java', 150),
        count(TcpState.ESTABLISHED, 443, 'java', 10),
        count(TcpState.TIME_WAIT, 5432, null, 7, Direction.OUTBOUND),
      ],
    });
    const old = snapshot({
      hostname: 'metrics-quiet',
      collectedAt: new Date(Date.now() - 20 * 60_000),
      counts: [count(TcpState.ESTABLISHED, 22, 'sshd', 4)],
    });
    for (const [token, snap] of [
      [busy, first],
      [busy, second],
      [busy, second],
      [quiet, old],
    ] as const) {
      expect((await push(t.url, token, snap)).status).toBe(200);
    }
    historyRows = first.counts.length + second.counts.length + old.counts.length;
    const bad = snapshot({ hostname: 'metrics-busy', counts: [] }) as any;
    bad.counts = [{ state: 'NOPE', direction: 'INBOUND', port: 1, process: null, count: 1 }];
    expect((await push(t.url, busy, bad)).status).toBe(400);
    expect((await push(t.url, 'tfh_wrong', second)).status).toBe(401);
    expect((await graphql(t.url, ADMIN_KEY, '{ fleet { hosts } }')).status).toBe(200);
    expect((await graphql(t.url, ADMIN_KEY, '{ fleet {')).status).toBe(400);
    const answer = await request(`${t.url}/metrics`, 'GET', { token: ADMIN_KEY });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    scrape = parseExposition(answer.body);
  });
  afterAll(() => t?.stop());

  it('needs an API key', async () => {
    const answer = await request(`${t.url}/metrics`, 'GET');
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('unauthenticated');
  });

  it('counts snapshots accepted, refused by reason, and the count rows written', () => {
    expect(valueOf(scrape, 'tcpfleet_snapshots_accepted_total', { result: 'created' })).toBe(3);
    expect(valueOf(scrape, 'tcpfleet_snapshots_accepted_total', { result: 'retry' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_snapshots_rejected_total', { reason: 'invalid_input' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_snapshots_rejected_total', { reason: 'unauthenticated' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_count_rows_written_total', { table: 'count_history' })).toBe(
      historyRows,
    );
    // Each host's newest snapshot went to current_counts; the first of metrics-busy did too, then was replaced.
    expect(valueOf(scrape, 'tcpfleet_count_rows_written_total', { table: 'current_counts' })).toBe(
      historyRows,
    );
    expect(scrape.types.get('tcpfleet_snapshot_request_duration_seconds')).toBe('histogram');
    const requests = ['2xx', '4xx'].map(
      (status) => valueOf(scrape, 'tcpfleet_snapshot_request_duration_seconds_count', { status }) ?? 0,
    );
    expect(requests).toEqual([4, 2]);
  });

  it('counts GraphQL requests by operation type and errors by code', () => {
    expect(valueOf(scrape, 'tcpfleet_graphql_requests_total', { operation: 'query' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_graphql_requests_total', { operation: 'unknown' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_graphql_request_duration_seconds_count', { operation: 'query' })).toBe(
      1,
    );
    expect(valueOf(scrape, 'tcpfleet_errors_total', { edge: 'graphql', code: 'GRAPHQL_PARSE_FAILED' })).toBe(
      1,
    );
    expect(valueOf(scrape, 'tcpfleet_errors_total', { edge: 'rest', code: 'invalid_input' })).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_errors_total', { edge: 'rest', code: 'unauthenticated' })).toBe(1);
  });

  it('gives fleet gauges: hosts reporting and stale, sockets per state, hosts over thresholds', () => {
    expect(valueOf(scrape, 'tcpfleet_database_up')).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_hosts_reporting')).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_hosts_stale')).toBe(1);
    expect(valueOf(scrape, 'tcpfleet_fleet_sockets', { state: 'CLOSE_WAIT' })).toBe(150);
    expect(valueOf(scrape, 'tcpfleet_fleet_sockets', { state: 'TIME_WAIT' })).toBe(7);
    // The stale host's sockets are not the fleet's now.
    expect(valueOf(scrape, 'tcpfleet_fleet_sockets', { state: 'ESTABLISHED' })).toBe(10);
    expect(valueOf(scrape, 'tcpfleet_fleet_sockets', { state: 'SYN_SENT' })).toBe(0);
    const over = (rule: string, severity: string) =>
      valueOf(scrape, 'tcpfleet_hosts_over_threshold', { rule, severity });
    expect(over('CLOSE_WAIT_LEAK', 'warning')).toBe(1);
    expect(over('CLOSE_WAIT_LEAK', 'critical')).toBe(0);
    expect(over('HOST_NOT_REPORTING', 'warning')).toBe(1);
    expect(over('SYN_SENT_PILEUP', 'warning')).toBe(0);
    const series = scrape.samples.filter((s) => s.name === 'tcpfleet_hosts_over_threshold');
    expect(series).toHaveLength(8 * 2);
  });

  it('feeds every query of the Grafana dashboard', () => {
    const dashboard = JSON.parse(
      readFileSync(join(__dirname, '../../../deploy/grafana/tcpfleet.json'), 'utf8'),
    ) as { panels: { targets?: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
    const names = new Set(exprs.flatMap((expr) => expr.match(/tcpfleet_[a-z_]+/g) ?? []));
    expect(names.size).toBeGreaterThan(10);
    // Pool gauges exist with PostgreSQL only; the rest on both engines.
    const served = new Set([
      ...scrape.types.keys(),
      'tcpfleet_database_pool_max',
      'tcpfleet_database_pool_connections',
    ]);
    for (const name of names) expect([name, served.has(name.replace(/_bucket$/, ''))]).toEqual([name, true]);
  });

  it('reports the connection pool on PostgreSQL', () => {
    const pool = valueOf(scrape, 'tcpfleet_database_pool_max');
    if (t.engine === 'postgres') expect(pool).toBe(10);
    else expect(pool).toBeUndefined();
  });
});

describe('GET /metrics with TCPFLEET_METRICS_PUBLIC=true', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ TCPFLEET_METRICS_PUBLIC: 'true' });
  });
  afterAll(() => t?.stop());

  it('answers without a key', async () => {
    const answer = await request(`${t.url}/metrics`, 'GET');
    expect(answer.status).toBe(200);
    expect(valueOf(parseExposition(answer.body), 'tcpfleet_hosts_reporting')).toBe(0);
  });
});
