import { fill, h, link } from '../dom';
import { describeQuery, queryParams, whereOf, type FleetQuery } from '../fleet-query';
import { formatAgo, formatCount } from '../format';
import { HOSTS, type HostSummary, type HostsData, type PageInfo } from '../queries';
import { hostPath, routeHash } from '../router';
import { sortableTable, type Column, type Sort } from '../table';
import { badge, errorBox, labelChips, loadInto } from '../ui';
import type { Context } from './page';
import { queryForm } from './query-form';

const SORTS = ['HOSTNAME', null, 'COUNT', null, null, 'LAST_SEEN_AT'] as const;

/** The hosts matching a query built from state, port, count and labels: a form and a paged table. */
export class FleetHosts {
  readonly element: HTMLElement;
  private readonly results = h('div', { class: 'results', 'aria-live': 'polite' });
  private readonly heading = h('p', { class: 'query-text' });
  private readonly formSlot = h('div');
  /** Cursors of the pages before this one; the last is this page's `after`. */
  private cursors: (string | null)[] = [null];

  constructor(
    private readonly context: Context,
    private query: FleetQuery,
    private readonly pageSize = context.wall ? 10 : 25,
  ) {
    this.element = h(
      'section',
      { class: 'panel hosts-panel' },
      h('h2', {}, 'Hosts matching a query'),
      this.formSlot,
      this.heading,
      this.results,
    );
  }

  /** A new query from the URL: back to its first page. */
  show(query: FleetQuery): Promise<void> {
    this.query = query;
    this.cursors = [null];
    if (!this.context.wall)
      fill(
        this.formSlot,
        queryForm(this.context.catalog, query, (next) => this.context.go(routeHash('/', queryParams(next)))),
      );
    return this.refresh();
  }

  refresh(): Promise<void> {
    return loadInto(this.results, () => this.load());
  }

  private async load(): Promise<void> {
    this.heading.textContent = describeQuery(this.query);
    const where = whereOf(this.query);
    if ('error' in where) return fill(this.results, errorBox(new Error(where.error)));
    const data = await this.context.api.query<HostsData>(HOSTS, {
      where: where.where,
      orderBy: { field: this.query.sort, direction: this.query.order },
      first: this.pageSize,
      after: this.cursors[this.cursors.length - 1],
    });
    fill(this.results, ...this.table(data.hosts.nodes), this.pager(data.hosts.pageInfo));
  }

  private table(hosts: HostSummary[]): Node[] {
    const counted = this.query.state.trim() || this.query.port.trim() ? 'Count' : 'Sockets';
    const columns: Column<HostSummary>[] = [
      { label: 'Host', value: (host) => host.hostname, render: (host) => hostCell(host) },
      { label: 'OS', value: (host) => host.os },
      {
        label: counted,
        value: (host) => host.count,
        render: (host) => formatCount(host.count),
        numeric: true,
      },
      { label: 'Top processes', value: () => null, render: (host) => processes(host) },
      { label: 'Labels', value: () => null, render: (host) => labelChips(host.labels) },
      { label: 'Last seen', value: (host) => host.lastSeenAt, render: (host) => seen(host.lastSeenAt) },
    ];
    const column = SORTS.indexOf(this.query.sort);
    const table = sortableTable(columns, hosts, {
      label: 'Hosts',
      sort: { column, descending: this.query.order === 'DESC' },
      sortable: [0, 2, 5],
      onSort: (sort) => this.sortBy(sort),
    });
    if (hosts.length > 0) return [table];
    return [h('p', { class: 'empty' }, 'No host matches this query now.')];
  }

  private sortBy(sort: Sort): void {
    const field = SORTS[sort.column];
    if (field === null) return;
    this.context.go(
      routeHash('/', { ...queryParams(this.query), sort: field, order: sort.descending ? 'DESC' : 'ASC' }),
    );
  }

  private pager(page: PageInfo): HTMLElement {
    const previous = h('button', { type: 'button', disabled: this.cursors.length === 1 }, '← Previous');
    const next = h('button', { type: 'button', disabled: !page.hasNextPage }, 'Next →');
    previous.addEventListener('click', () => {
      this.cursors.pop();
      void this.refresh();
    });
    next.addEventListener('click', () => {
      this.cursors.push(page.endCursor);
      void this.refresh();
    });
    return h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages' },
      previous,
      h('span', {}, `page ${this.cursors.length}`),
      next,
    );
  }
}

function hostCell(host: HostSummary): HTMLElement {
  return h(
    'span',
    { class: 'hostname' },
    link(hostPath(host.hostname), host.hostname),
    host.stale ? badge('stale', 'warning') : null,
  );
}

function processes(host: HostSummary): HTMLElement {
  return h(
    'span',
    { class: 'processes' },
    ...host.topProcesses.map((process) =>
      h(
        'span',
        { class: 'process' },
        process.name ?? '(unattributed)',
        process.pid === null ? '' : ` [${process.pid}]`,
        ` ${formatCount(process.count)}`,
      ),
    ),
  );
}

export function seen(at: string | null): HTMLElement {
  return h('time', { datetime: at ?? '', title: at ?? 'never' }, formatAgo(at));
}
