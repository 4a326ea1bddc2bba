import { h } from '../dom';
import { formatCount } from '../format';
import type { SocketCount } from '../queries';
import { scrollTable } from '../ui';

const MAX_ROWS = 25;

interface Row {
  port: number;
  direction: string;
  byState: Map<string, number>;
  total: number;
}

/** A host's counts as a matrix: one row per service port and direction, one column per state. */
export function portMatrix(counts: readonly SocketCount[], states: readonly string[]): HTMLElement {
  const rows = new Map<string, Row>();
  for (const count of counts) {
    const key = `${count.direction} ${count.port}`;
    const row = rows.get(key) ?? {
      port: count.port,
      direction: count.direction,
      byState: new Map(),
      total: 0,
    };
    row.byState.set(count.state, (row.byState.get(count.state) ?? 0) + count.count);
    row.total += count.count;
    rows.set(key, row);
  }
  const ordered = [...rows.values()].sort((a, b) => b.total - a.total || a.port - b.port);
  const shown = ordered.slice(0, MAX_ROWS);
  const table = h(
    'table',
    { class: 'matrix', 'aria-label': 'Counts per port and state' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Port'),
        h('th', {}, 'Direction'),
        ...states.map((state) => h('th', { class: 'num' }, state)),
        h('th', { class: 'num' }, 'Total'),
      ),
    ),
    h(
      'tbody',
      {},
      ...shown.map((row) =>
        h(
          'tr',
          { 'data-port': row.port, 'data-direction': row.direction },
          h('th', { scope: 'row' }, String(row.port)),
          h('td', {}, row.direction === 'INBOUND' ? 'in' : 'out'),
          ...states.map((state) => {
            const value = row.byState.get(state);
            return h(
              'td',
              { class: value ? 'num' : 'num zero', 'data-state': state },
              value ? formatCount(value) : '·',
            );
          }),
          h('td', { class: 'num total' }, formatCount(row.total)),
        ),
      ),
    ),
  );
  const more = ordered.length - shown.length;
  return h(
    'div',
    {},
    scrollTable(table),
    more > 0 ? h('p', { class: 'note' }, `${more} smaller ports not shown.`) : null,
  );
}
