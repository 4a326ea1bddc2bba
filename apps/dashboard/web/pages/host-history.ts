import { timeChart } from '../charts/time-chart';
import { fill, h } from '../dom';
import { rangeFrom, rangeOptions, windowOf, type Point } from '../history';
import { hostHistoryQuery, type HistoryNode } from '../queries';
import { hostPath, routeHash } from '../router';
import { choice, loadInto } from '../ui';
import type { Context } from './page';

/** One chart per state for a host: the highest count of each step over the chosen range. */
export class HostHistory {
  readonly element: HTMLElement;
  private readonly charts = h('div', { class: 'charts' });
  private readonly ranges = h('div');
  private states: string[] = [];

  constructor(
    private readonly context: Context,
    private readonly hostname: string,
    private params: URLSearchParams,
  ) {
    this.element = h(
      'section',
      { class: 'panel history-panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, 'History per state'), this.ranges),
      this.charts,
    );
  }

  show(states: string[], params: URLSearchParams = this.params): Promise<void> {
    this.states = states;
    this.params = params;
    return loadInto(this.charts, () => this.load());
  }

  private async load(): Promise<void> {
    const hours = rangeFrom(this.params);
    fill(this.ranges, this.rangeChoice(hours));
    if (this.states.length === 0)
      return fill(this.charts, h('p', { class: 'empty' }, 'No sockets in the current snapshot.'));
    const window = windowOf(hours, Date.now());
    const data = await this.context.api.query<{ host: HistoryNode }>(hostHistoryQuery(this.states), {
      hostname: this.hostname,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      step: window.stepSeconds,
    });
    fill(
      this.charts,
      ...this.states.map((state, i) => {
        const points: Point[] = (data.host[`s${i}`] ?? []).map((point) => ({
          at: Date.parse(point.at),
          value: point.count ?? point.average,
        }));
        const now = points.length > 0 ? points[points.length - 1].value : 0;
        return h(
          'figure',
          { class: 'chart-box', 'data-state': state },
          h('figcaption', {}, h('span', {}, state), h('span', { class: 'value' }, String(now))),
          timeChart({
            points,
            ...window,
            title: `${state} on ${this.hostname}, last ${hours} h`,
            series: this.context.catalog.index(state),
          }),
        );
      }),
    );
  }

  private rangeChoice(hours: number): HTMLElement {
    return choice('Chart range', rangeOptions(), hours, (value) => {
      const params = Object.fromEntries(this.params.entries());
      this.context.go(routeHash(hostPath(this.hostname), { ...params, hours: value }));
    });
  }
}
