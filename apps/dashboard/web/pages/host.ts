import { fill, h, link } from '../dom';
import { formatCount, formatEndpoint } from '../format';
import { rangeFrom } from '../history';
import {
  HOST,
  type Finding,
  type HostData,
  type HostDetail,
  type Listener,
  type TopProcess,
} from '../queries';
import { routeHash, type Route } from '../router';
import { sortableTable } from '../table';
import { badge, labelChips, loadInto, panel } from '../ui';
import { seen } from './fleet-hosts';
import { HostHistory } from './host-history';
import { HostSockets, socketFilterOf } from './host-sockets';
import type { Context, Page } from './page';
import { portMatrix } from './port-matrix';

/** One host: its facts, findings, counts per state and port, history per state, processes and sockets. */
export function hostPage(context: Context, route: Extract<Route, { page: 'host' }>): Page {
  return new HostPage(context, route.hostname, route.params);
}

class HostPage implements Page {
  readonly element: HTMLElement;
  private readonly head: HTMLElement;
  private readonly findings = h('div');
  private readonly states = h('div', { class: 'tiles' });
  private readonly matrix = h('div');
  private readonly processes = h('div');
  private readonly listeners = h('div');
  private readonly history: HostHistory;
  private readonly sockets: HostSockets;

  constructor(
    private readonly context: Context,
    private readonly hostname: string,
    private params: URLSearchParams,
  ) {
    this.head = h('header', { class: 'host-head' }, h('h1', {}, hostname));
    this.history = new HostHistory(context, hostname, params);
    this.sockets = new HostSockets(context, hostname, params);
    this.element = h(
      'div',
      { class: 'page host-page' },
      h('p', { class: 'crumbs' }, link('/', '← Fleet')),
      this.head,
      panel('Findings', { class: 'panel findings-panel' }, this.findings),
      panel('Counts per state', {}, this.states),
      this.history.element,
      panel('Counts per port and state', {}, this.matrix),
      h(
        'div',
        { class: 'columns' },
        panel('Listening sockets', {}, this.listeners),
        panel('Top processes', {}, this.processes),
      ),
      this.sockets.element,
    );
    void this.load();
    void this.sockets.show(params);
  }

  async refresh(): Promise<void> {
    await Promise.all([this.load(), this.sockets.refresh()]);
  }

  update(next: Route): boolean {
    if (next.page !== 'host' || next.hostname !== this.hostname) return false;
    const before = this.params;
    this.params = next.params;
    const filter = (of: URLSearchParams): string => JSON.stringify(socketFilterOf(of));
    if (filter(before) !== filter(this.params)) void this.sockets.show(this.params);
    if (rangeFrom(before) !== rangeFrom(this.params)) void this.load();
    return true;
  }

  private load(): Promise<void> {
    return loadInto(this.head, async () => {
      const { host } = await this.context.api.query<HostData>(HOST, { hostname: this.hostname });
      const byState = totalsByState(host);
      const ordered = this.context.catalog.order([...byState.keys()], (state) => state);
      fill(this.head, ...hostHead(host));
      fill(this.findings, ...findingCards(host.findings));
      fill(this.states, ...ordered.map((state) => stateTile(this.context, state, byState.get(state) ?? 0)));
      fill(this.matrix, portMatrix(host.counts, ordered));
      fill(this.processes, processTable(host.topProcesses));
      fill(this.listeners, listenerTable(host.listeners));
      await this.history.show(ordered, this.params);
    });
  }
}

function totalsByState(host: HostDetail): Map<string, number> {
  const totals = new Map<string, number>();
  for (const count of host.counts) totals.set(count.state, (totals.get(count.state) ?? 0) + count.count);
  return totals;
}

function hostHead(host: HostDetail): Node[] {
  const os = [host.os, host.osVersion].filter(Boolean).join(' ') || 'unknown OS';
  return [
    h('h1', {}, host.hostname, host.stale ? badge('stale', 'warning') : null),
    h(
      'p',
      { class: 'facts' },
      h('span', {}, os),
      h('span', {}, `agent ${host.agentVersion ?? 'unknown'}`),
      h('span', { 'data-total': 'sockets' }, `${formatCount(host.socketCount)} TCP sockets`),
      h('span', {}, 'last snapshot ', seen(host.lastSeenAt)),
    ),
    labelChips(host.labels),
  ];
}

function stateTile(context: Context, state: string, count: number): HTMLElement {
  return h(
    'article',
    { class: `tile series-${context.catalog.index(state) % 12}`, 'data-state': state },
    h('h3', {}, link(routeHash('/states', { state }), state)),
    h('span', { class: 'value' }, formatCount(count, true)),
  );
}

function findingCards(findings: readonly Finding[]): HTMLElement[] {
  if (findings.length === 0)
    return [h('p', { class: 'empty' }, 'No findings: nothing on this host crosses a rule’s threshold.')];
  return findings.map((finding) =>
    h(
      'article',
      { class: `finding severity-${finding.severity.toLowerCase()}`, 'data-rule': finding.rule },
      h('h3', {}, badge(finding.severity, finding.severity), ' ', finding.title),
      h('p', { class: 'rule' }, finding.rule),
      h('p', {}, finding.explanation),
      h('div', { class: 'next-step' }, h('strong', {}, 'Next step'), h('pre', {}, finding.nextStep)),
    ),
  );
}

function processTable(processes: readonly TopProcess[]): HTMLElement {
  if (processes.length === 0) return h('p', { class: 'empty' }, 'No process holds sockets.');
  return sortableTable(
    [
      { label: 'Process', value: (process: TopProcess) => process.name ?? '(unattributed)' },
      { label: 'PID', value: (process: TopProcess) => process.pid, numeric: true },
      {
        label: 'Sockets',
        value: (process: TopProcess) => process.count,
        render: (process: TopProcess) => formatCount(process.count),
        numeric: true,
      },
    ],
    processes,
    { label: 'Top processes', sort: { column: 2, descending: true } },
  );
}

function listenerTable(listeners: readonly Listener[] | null): HTMLElement {
  if (listeners === null) return h('p', { class: 'empty' }, 'The agent does not report listening sockets.');
  if (listeners.length === 0) return h('p', { class: 'empty' }, 'No listening sockets.');
  return sortableTable(
    [
      {
        label: 'Address',
        value: (l: Listener) => l.port,
        render: (l: Listener) => formatEndpoint(l.address, l.port),
      },
      { label: 'Process', value: (l: Listener) => l.process },
      { label: 'PID', value: (l: Listener) => l.pid, numeric: true },
      { label: 'Accept queue', value: (l: Listener) => l.acceptQueue, numeric: true },
      { label: 'Backlog', value: (l: Listener) => l.backlog, numeric: true },
    ],
    listeners,
    { label: 'Listening sockets', sort: { column: 0, descending: false } },
  );
}
