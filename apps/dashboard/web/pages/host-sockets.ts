import { fill, h } from '../dom';
import { formatCount, formatEndpoint } from '../format';
import { SOCKETS, type Socket, type SocketsData } from '../queries';
import { hostPath, routeHash } from '../router';
import { sortableTable, type Column } from '../table';
import { errorBox, loadInto } from '../ui';
import type { Context } from './page';

const MAX_SOCKETS = 500;
/** The filter's URL parameters on the host page. */
const PARAMS = { state: 'sstate', port: 'sport', process: 'sprocess' } as const;

export interface SocketFilter {
  state: string;
  port: string;
  process: string;
}

export function socketFilterOf(params: URLSearchParams): SocketFilter {
  return {
    state: params.get(PARAMS.state) ?? '',
    port: params.get(PARAMS.port) ?? '',
    process: params.get(PARAMS.process) ?? '',
  };
}

/** The host's current socket list, filtered by state (any spelling), port and process in the API. */
export class HostSockets {
  readonly element: HTMLElement;
  private readonly formSlot = h('div');
  private readonly results = h('div', { 'aria-live': 'polite' });
  private filter: SocketFilter;

  constructor(
    private readonly context: Context,
    private readonly hostname: string,
    private params: URLSearchParams,
  ) {
    this.filter = socketFilterOf(params);
    this.element = h(
      'section',
      { class: 'panel sockets-panel' },
      h('h2', {}, 'Sockets'),
      this.formSlot,
      this.results,
    );
  }

  show(params: URLSearchParams = this.params): Promise<void> {
    this.params = params;
    this.filter = socketFilterOf(params);
    if (!this.context.wall) fill(this.formSlot, this.form());
    return this.refresh();
  }

  refresh(): Promise<void> {
    return loadInto(this.results, () => this.load());
  }

  private async load(): Promise<void> {
    const where: Record<string, string | number> = {};
    if (this.filter.state.trim()) where.stateName = this.filter.state.trim();
    if (this.filter.port.trim()) {
      if (!/^\d{1,5}$/.test(this.filter.port.trim()))
        return fill(this.results, errorBox(new Error('port must be a number')));
      where.port = Number(this.filter.port.trim());
    }
    if (this.filter.process.trim()) where.process = this.filter.process.trim();
    const data = await this.context.api.query<SocketsData>(SOCKETS, {
      hostname: this.hostname,
      where,
      first: MAX_SOCKETS,
    });
    const list = data.host.sockets;
    const notes = [
      `${formatCount(list.nodes.length)} ${list.nodes.length === 1 ? 'socket' : 'sockets'}${list.nodes.length === MAX_SOCKETS ? ` (the first ${MAX_SOCKETS})` : ''}`,
      list.truncated ? 'the agent sent part of the list; the counts above are complete' : null,
    ];
    fill(
      this.results,
      h('p', { class: 'note', 'data-sockets': list.nodes.length }, notes.filter(Boolean).join('; ')),
      list.nodes.length > 0
        ? socketTable(list.nodes)
        : h('p', { class: 'empty' }, 'No socket matches this filter.'),
    );
  }

  private form(): HTMLFormElement {
    const input = (
      name: keyof SocketFilter,
      label: string,
      extra: Record<string, string> = {},
    ): HTMLElement =>
      h('label', {}, label, h('input', { name, value: this.filter[name], autocomplete: 'off', ...extra }));
    const form = h(
      'form',
      { class: 'query-form', 'aria-label': 'Socket filter' },
      this.context.catalog.datalist('socket-state-names'),
      input('state', 'State', { list: 'socket-state-names', spellcheck: 'false' }),
      input('port', 'Port (local or remote)', { inputmode: 'numeric' }),
      input('process', 'Process'),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Filter')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const params = Object.fromEntries(this.params.entries());
      for (const [field, param] of Object.entries(PARAMS)) params[param] = String(data.get(field) ?? '');
      this.context.go(routeHash(hostPath(this.hostname), params));
    });
    return form;
  }
}

function socketTable(sockets: readonly Socket[]): HTMLElement {
  const columns: Column<Socket>[] = [
    { label: 'State', value: (socket) => socket.state },
    {
      label: 'Local',
      value: (socket) => socket.localPort,
      render: (socket) => formatEndpoint(socket.localAddress, socket.localPort),
    },
    {
      label: 'Remote',
      value: (socket) => socket.remotePort,
      render: (socket) => formatEndpoint(socket.remoteAddress, socket.remotePort),
    },
    { label: 'Process', value: (socket) => socket.process },
    { label: 'PID', value: (socket) => socket.pid, numeric: true },
    { label: 'Recv-Q', value: (socket) => socket.recvQueue, numeric: true },
    { label: 'Send-Q', value: (socket) => socket.sendQueue, numeric: true },
  ];
  return sortableTable(columns, sockets, {
    label: 'Sockets',
    sort: { column: 0, descending: false },
    limit: 100,
  });
}
