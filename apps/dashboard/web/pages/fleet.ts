import { timeChart } from '../charts/time-chart';
import { fill, h, link } from '../dom';
import { queryFromParams, queryParams } from '../fleet-query';
import { formatCount } from '../format';
import { rangeFrom, rangeOptions, windowOf } from '../history';
import { FLEET, type FleetData, type StateTotal } from '../queries';
import { hostPath, routeHash, type Route } from '../router';
import { badge, choice, loadInto, panel } from '../ui';
import { loadFleetHistory } from './fleet-history';
import { FleetHosts } from './fleet-hosts';
import type { Context, Page } from './page';

/** The fleet overview: totals per state now and over the last hours, findings, and the host query. */
export function fleetPage(context: Context, route: Route): Page {
  return new FleetPage(context, route.params);
}

class FleetPage implements Page {
  readonly element: HTMLElement;
  private readonly summary = h('div', { class: 'summary' });
  private readonly tiles = h('div', { class: 'tiles', 'aria-live': 'polite' });
  private readonly note = h('p', { class: 'note' });
  private readonly ranges = h('div');
  private readonly findings = h('div');
  private readonly hosts: FleetHosts;
  private charts = new Map<string, HTMLElement>();

  constructor(
    private readonly context: Context,
    private params: URLSearchParams,
  ) {
    this.hosts = new FleetHosts(context, queryFromParams(params));
    this.element = h(
      'div',
      { class: 'page fleet-page' },
      h(
        'section',
        { class: 'panel now' },
        h('div', { class: 'panel-head' }, h('h2', {}, 'Fleet now'), this.ranges),
        this.summary,
        this.tiles,
        this.note,
      ),
      h(
        'div',
        { class: 'columns' },
        this.hosts.element,
        panel('Findings', { class: 'panel findings-panel' }, this.findings),
      ),
    );
    void this.hosts.show(queryFromParams(params));
    void this.loadTotals();
  }

  async refresh(): Promise<void> {
    await Promise.all([this.loadTotals(), this.hosts.refresh()]);
  }

  update(next: Route): boolean {
    if (next.page !== 'fleet') return false;
    const before = this.params;
    this.params = next.params;
    if (rangeFrom(before) !== rangeFrom(this.params)) void this.loadTotals();
    const query = (of: URLSearchParams): string => JSON.stringify(queryParams(queryFromParams(of)));
    if (query(before) !== query(this.params)) void this.hosts.show(queryFromParams(this.params));
    return true;
  }

  private loadTotals(): Promise<void> {
    return loadInto(this.tiles, async () => {
      const data = await this.context.api.query<FleetData>(FLEET);
      const hours = rangeFrom(this.params);
      fill(this.ranges, rangeChoice(this.context, this.params, hours));
      fill(this.summary, ...summaryTiles(data.fleet));
      const totals = this.context.catalog.order(
        data.fleet.totals.filter((total) => total.count > 0),
        (total) => total.state,
      );
      // A refresh keeps each state's chart until its new one is drawn: no flicker on a wall screen.
      const charts = new Map(
        totals.map((total) => [total.state, this.charts.get(total.state) ?? h('div', { class: 'spark' })]),
      );
      this.charts = charts;
      fill(this.tiles, ...totals.map((total) => stateTile(this.context, total, charts.get(total.state))));
      fill(this.findings, ...findingList(data.findings));
      await loadInto(this.note, () => this.loadCharts(charts, hours));
    });
  }

  private async loadCharts(charts: Map<string, HTMLElement>, hours: number): Promise<void> {
    const window = windowOf(hours, Date.now());
    const history = await loadFleetHistory(this.context.api, [...charts.keys()], window);
    // The window the charts were read for, so that what they show can be checked against the API.
    this.tiles.dataset.from = new Date(window.from).toISOString();
    this.tiles.dataset.to = new Date(window.to).toISOString();
    this.tiles.dataset.step = String(window.stepSeconds);
    for (const [state, chart] of charts) {
      const title = `${state} sockets across the fleet, last ${hours} h`;
      const points = history.series.get(state) ?? [];
      const series = this.context.catalog.index(state);
      fill(chart, timeChart({ points, ...window, title, series, compact: true }));
    }
    const step = `${window.stepSeconds / 60} min`;
    this.note.textContent =
      history.hosts === 0
        ? `Charts: fleet-wide sockets per state over the last ${hours} h; the API has no fleet history of it yet (it writes the totals once a minute).`
        : `Charts: fleet-wide sockets per state, last ${hours} h, mean per ${step}; every reporting host counted (${formatCount(history.hosts)} at most).`;
  }
}

function rangeChoice(context: Context, params: URLSearchParams, hours: number): HTMLElement {
  return choice('Chart range', rangeOptions(), hours, (value) =>
    context.go(routeHash('/', { ...queryParams(queryFromParams(params)), hours: value })),
  );
}

function summaryTiles(fleet: FleetData['fleet']): HTMLElement[] {
  const sockets = fleet.totals.reduce((sum, total) => sum + total.count, 0);
  return [
    bigNumber('Hosts reporting', formatCount(fleet.hosts), 'hosts'),
    bigNumber('Stale hosts', formatCount(fleet.staleHosts), 'stale', fleet.staleHosts > 0 ? 'warn' : ''),
    bigNumber('TCP sockets', formatCount(sockets, true), 'sockets'),
  ];
}

function bigNumber(label: string, value: string, name: string, tone = ''): HTMLElement {
  return h(
    'div',
    { class: `big ${tone}`, 'data-total': name },
    h('span', { class: 'value' }, value),
    h('span', { class: 'label' }, label),
  );
}

function stateTile(context: Context, total: StateTotal, chart: HTMLElement | undefined): HTMLElement {
  return h(
    'article',
    { class: `tile series-${context.catalog.index(total.state) % 12}`, 'data-state': total.state },
    h('h3', {}, link(routeHash('/states', { state: total.state }), total.state)),
    h('span', { class: 'value' }, formatCount(total.count, true)),
    h('span', { class: 'label' }, `on ${formatCount(total.hosts)} ${total.hosts === 1 ? 'host' : 'hosts'}`),
    chart,
  );
}

function findingList(findings: FleetData['findings']): HTMLElement[] {
  if (findings.nodes.length === 0)
    return [h('p', { class: 'empty' }, 'No warning or critical finding on any host.')];
  const list = h(
    'ul',
    { class: 'finding-list' },
    ...findings.nodes.map((finding) =>
      h(
        'li',
        {},
        badge(finding.severity, finding.severity),
        ' ',
        link(hostPath(finding.host.hostname), finding.host.hostname),
        ' ',
        h('span', {}, finding.title),
      ),
    ),
  );
  if (!findings.pageInfo.hasNextPage) return [list];
  return [list, h('p', { class: 'note' }, 'More findings: open the hosts for all of them.')];
}
