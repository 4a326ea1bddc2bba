import { h, type Child } from './dom';
import { scrollTable } from './ui';

export interface Column<T> {
  label: string;
  /** What the column sorts by. */
  value: (row: T) => string | number | null;
  render?: (row: T) => Child;
  numeric?: boolean;
}

export interface Sort {
  column: number;
  descending: boolean;
}

export interface TableOptions {
  label: string;
  sort: Sort;
  /** Columns with a sort button; all when unset. */
  sortable?: readonly number[];
  /** The caller fetches rows in the new order (the fleet's hosts are sorted by the API). */
  onSort?: (sort: Sort) => void;
  /** Rows shown before a "show all" button; all when unset. */
  limit?: number;
}

/** A table sorted by a click on a column header: here, or by the caller with `onSort`. */
export function sortableTable<T>(
  columns: readonly Column<T>[],
  rows: readonly T[],
  options: TableOptions,
): HTMLElement {
  return new SortableTable(columns, rows, options).element;
}

class SortableTable<T> {
  readonly element: HTMLElement;
  private readonly head = h('tr');
  private readonly body = h('tbody');
  private readonly more = h('div', { class: 'more' });
  private sort: Sort;
  private limit: number;

  constructor(
    private readonly columns: readonly Column<T>[],
    private readonly rows: readonly T[],
    private readonly options: TableOptions,
  ) {
    this.sort = options.sort;
    this.limit = options.limit ?? Infinity;
    const table = h('table', { 'aria-label': options.label }, h('thead', {}, this.head), this.body);
    this.element = h('div', {}, scrollTable(table), this.more);
    this.render();
  }

  private render(): void {
    const { column, descending } = this.sort;
    const ordered = this.options.onSort ? this.rows : sorted(this.rows, this.columns[column], descending);
    this.head.replaceChildren(...this.columns.map((_, i) => this.header(i)));
    this.body.replaceChildren(...ordered.slice(0, this.limit).map((row) => this.row(row)));
    this.more.replaceChildren();
    if (ordered.length > this.limit) this.more.append(this.showAll(ordered.length));
  }

  private row(row: T): HTMLElement {
    return h(
      'tr',
      {},
      ...this.columns.map((column) =>
        h(
          'td',
          { class: column.numeric ? 'num' : null },
          column.render ? column.render(row) : column.value(row),
        ),
      ),
    );
  }

  private header(i: number): HTMLElement {
    const column = this.columns[i];
    const canSort = this.options.sortable?.includes(i) ?? true;
    const active = this.sort.column === i;
    const order = active ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
    const cell = h('th', { class: column.numeric ? 'num' : null, 'aria-sort': canSort ? order : null });
    if (!canSort) {
      cell.textContent = column.label;
      return cell;
    }
    const arrow = active ? (this.sort.descending ? ' ▼' : ' ▲') : '';
    const button = h('button', { type: 'button', class: 'sort' }, column.label, arrow);
    button.addEventListener('click', () => {
      // A new column starts with the biggest numbers first, text from A.
      this.sort = { column: i, descending: active ? !this.sort.descending : Boolean(column.numeric) };
      if (this.options.onSort) this.options.onSort(this.sort);
      else this.render();
    });
    cell.append(button);
    return cell;
  }

  private showAll(count: number): HTMLElement {
    const button = h('button', { type: 'button' }, `Show all ${count} rows`);
    button.addEventListener('click', () => {
      this.limit = Infinity;
      this.render();
    });
    return button;
  }
}

function sorted<T>(rows: readonly T[], column: Column<T>, descending: boolean): T[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(column.value(a), column.value(b)));
}

/** Numbers as numbers, text in natural order (web-2 before web-10); null after any value. */
export function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}
