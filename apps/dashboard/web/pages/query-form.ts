import type { Catalog } from '../catalog';
import { h, link } from '../dom';
import { HEADLINE_QUERY, queryParams, type Comparison, type FleetQuery } from '../fleet-query';
import { routeHash } from '../router';

const SIGNS: Readonly<Record<Comparison, string>> = { gt: '>', gte: '≥', lt: '<' };

/** The fleet query's form: state in any spelling, port, a count comparison, labels and hostname. */
export function queryForm(
  catalog: Catalog,
  query: FleetQuery,
  run: (next: FleetQuery) => void,
): HTMLFormElement {
  const form = h(
    'form',
    { class: 'query-form', 'aria-label': 'Host query' },
    catalog.datalist('state-names'),
    field('state', 'State (any OS spelling)', query.state, { list: 'state-names', spellcheck: 'false' }),
    field('port', 'Port', query.port, { inputmode: 'numeric' }),
    h('label', {}, 'Count', countInputs(query)),
    field('labels', 'Labels (key=value, …)', query.labels),
    field('hostname', 'Hostname (* and ?)', query.hostname),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Run query'),
      link(routeHash('/', queryParams(HEADLINE_QUERY)), 'Headline query'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string): string => String(data.get(name) ?? '');
    run({
      ...query,
      state: text('state'),
      port: text('port'),
      comparison: text('cmp') as Comparison,
      count: text('count'),
      labels: text('labels'),
      hostname: text('hostname'),
    });
  });
  return form;
}

function field(name: string, label: string, value: string, extra: Record<string, string> = {}): HTMLElement {
  return h('label', {}, label, h('input', { name, value, autocomplete: 'off', ...extra }));
}

function countInputs(query: FleetQuery): HTMLElement {
  const comparison = h(
    'select',
    { name: 'cmp', 'aria-label': 'comparison' },
    ...(Object.keys(SIGNS) as Comparison[]).map((value) =>
      h('option', { value, selected: value === query.comparison }, SIGNS[value]),
    ),
  );
  const count = h('input', {
    name: 'count',
    value: query.count,
    inputmode: 'numeric',
    'aria-label': 'count',
  });
  return h('span', { class: 'compare' }, comparison, count);
}
