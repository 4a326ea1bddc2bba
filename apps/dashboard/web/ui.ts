import { ApiError, AuthError } from './api';
import { fill, h, type Child } from './dom';

/** A titled block of a page. */
export function panel(
  title: string,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElement {
  return h('section', { class: 'panel', ...attributes }, h('h2', {}, title), ...children);
}

/**
 * Runs a panel's load and shows its failure in the panel. A refused key is not the panel's to show:
 * the API client has already asked for another (Api.onRefused).
 */
export async function loadInto(target: Element, load: () => Promise<void>): Promise<void> {
  try {
    await load();
  } catch (error) {
    if (!(error instanceof AuthError)) fill(target, errorBox(error));
  }
}

// Some answers list every accepted name; the box shows the start, the tooltip all of it.
const MAX_MESSAGE = 300;

export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError && error.code ? ` (${error.code})` : '';
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  return h('p', { class: 'error', role: 'alert', title: message }, `${text}${code}`);
}

export function badge(text: string, kind: string): HTMLElement {
  return h('span', { class: `badge badge-${kind.toLowerCase()}` }, text);
}

export function labelChips(labels: readonly { key: string; value: string }[]): HTMLElement {
  return h(
    'span',
    { class: 'labels' },
    ...labels.map((label) => h('span', { class: 'chip' }, `${label.key}=${label.value}`)),
  );
}

/** Buttons that pick one value, the chosen one pressed. */
export function choice<T extends string | number>(
  name: string,
  options: readonly { value: T; label: string }[],
  chosen: T,
  pick: (value: T) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'choice', role: 'group', 'aria-label': name },
    ...options.map((option) => {
      const button = h(
        'button',
        { type: 'button', 'aria-pressed': option.value === chosen ? 'true' : 'false' },
        option.label,
      );
      button.addEventListener('click', () => pick(option.value));
      return button;
    }),
  );
}

/** A table inside a scrolling wrapper, so wide tables never widen the page on small screens. */
export function scrollTable(table: HTMLTableElement): HTMLElement {
  return h('div', { class: 'table-scroll' }, table);
}
