import { fill, h } from '../dom';
import { RESOLVE_STATE, type SpellingInfo, type StateInfo } from '../queries';
import type { Route } from '../router';
import { loadInto, panel, scrollTable } from '../ui';
import type { Context, Page } from './page';

/** The state model: each state, its meaning, who shows it, what a pile-up means, its name on every OS. */
export function statesPage(context: Context, route: Route): Page {
  const { catalog } = context;
  const cards = catalog.states.map((info) => stateCard(info, catalog.index(info.state)));
  const element = h(
    'div',
    { class: 'page states-page' },
    h('h1', {}, 'TCP socket states'),
    h(
      'p',
      { class: 'lead' },
      'The eleven states of RFC 9293 and the extras some systems show, with each system’s own names and numbers for them.',
    ),
    context.wall ? null : lookupForm(context, cards),
    h('div', { class: 'state-cards' }, ...cards),
    panel(
      'Sources',
      {},
      h(
        'ul',
        { class: 'sources' },
        ...catalog.vocabularies.map((vocabulary) =>
          h('li', {}, h('strong', {}, vocabulary.title), ` (${vocabulary.id}): `, vocabulary.source),
        ),
      ),
    ),
  );
  const focus = (params: URLSearchParams): void => {
    const state = params.get('state');
    if (!state) return;
    highlight(cards, [state]);
    cards.find((card) => card.dataset.state === state)?.scrollIntoView({ block: 'start' });
  };
  requestAnimationFrame(() => focus(route.params));
  return {
    element,
    refresh: async () => undefined,
    update(next) {
      if (next.page !== 'states') return false;
      focus(next.params);
      return true;
    },
  };
}

/** Any OS spelling to the canonical state(s), answered by the API's resolveState. */
function lookupForm(context: Context, cards: readonly HTMLElement[]): HTMLFormElement {
  const answer = h('div', { class: 'resolved', 'aria-live': 'polite' });
  const input = h('input', {
    name: 'spelling',
    id: 'spelling',
    autocomplete: 'off',
    spellcheck: 'false',
    list: 'spellings',
  });
  const form = h(
    'form',
    { class: 'query-form', 'aria-label': 'Look up a spelling' },
    context.catalog.datalist('spellings'),
    h('label', { for: 'spelling' }, 'Look up any spelling (SYN_RCVD, FinWait2, ESTAB, LISTENING, …)'),
    input,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Look up')),
    answer,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    void loadInto(answer, async () => {
      const data = await context.api.query<{ resolveState: string[] }>(RESOLVE_STATE, { name });
      highlight(cards, data.resolveState);
      fill(answer, h('p', {}, `${name} means `, data.resolveState.join(' or '), '.'));
    });
  });
  return form;
}

function highlight(cards: readonly HTMLElement[], states: readonly string[]): void {
  for (const card of cards) card.classList.toggle('highlight', states.includes(card.dataset.state ?? ''));
}

function stateCard(info: StateInfo, index: number): HTMLElement {
  return h(
    'article',
    { class: `state-card series-${index % 12}`, id: `state-${info.state}`, 'data-state': info.state },
    h('h2', {}, info.state),
    h('p', { class: 'side' }, `Shown by: ${info.side}`),
    h('p', {}, info.description),
    h('p', { class: 'pile-up' }, h('strong', {}, 'When they pile up: '), info.pileUp),
    spellingTable(info.spellings),
  );
}

function spellingTable(spellings: readonly SpellingInfo[]): HTMLElement {
  return scrollTable(
    h(
      'table',
      { class: 'spellings', 'aria-label': 'Names and codes per system' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'System or tool'), h('th', {}, 'Name'), h('th', { class: 'num' }, 'Code')),
      ),
      h(
        'tbody',
        {},
        ...spellings.map((spelling) =>
          h(
            'tr',
            {
              'data-vocabulary': spelling.vocabulary,
              class: spelling.names.length === 0 && spelling.codes.length === 0 ? 'absent' : null,
            },
            h('th', { scope: 'row' }, spelling.title),
            h('td', {}, spelling.names.length > 0 ? spelling.names.join(', ') : '—'),
            h(
              'td',
              { class: 'num' },
              spelling.codes.length > 0
                ? spelling.codes.map((code) => codeText(spelling.vocabulary, code)).join(', ')
                : '—',
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * Codes in decimal; the kernel's own numbers also in hex, the way /proc/net/tcp prints them
 * (net/ipv4/tcp_ipv4.c get_tcp4_sock: "%02X" for sk_state).
 */
function codeText(vocabulary: string, code: number): string {
  return vocabulary === 'linux-kernel'
    ? `${code} (${code.toString(16).toUpperCase().padStart(2, '0')})`
    : String(code);
}
