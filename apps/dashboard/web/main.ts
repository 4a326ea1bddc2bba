import { Api, AuthError } from './api';
import { Catalog } from './catalog';
import { fill, h, link } from './dom';
import { KeyStore, keyForm } from './key';
import { fleetPage } from './pages/fleet';
import { hostPage } from './pages/host';
import type { Context, Page } from './pages/page';
import { statesPage } from './pages/states';
import { parseRoute, type Route } from './router';
import { errorBox } from './ui';
import { wallSettings } from './wall';

const keys = new KeyStore(window.localStorage);
const api = new Api(keys);
const wall = wallSettings(window.location.search, window.matchMedia('(min-width: 2200px)').matches);
const main = h('main', { id: 'main' });
const updated = h('span', { class: 'updated', 'aria-live': 'off' });
let catalog: Catalog | null = null;
let page: Page | null = null;
let route: Route | null = null;
api.onRefused = () => askForKey(keys.get() !== null);

function shell(): HTMLElement {
  const refresh = h('button', { type: 'button', class: 'refresh' }, 'Refresh');
  refresh.addEventListener('click', () => void refreshPage());
  const forget = h('button', { type: 'button', class: 'forget' }, 'Forget key');
  forget.addEventListener('click', () => {
    keys.clear();
    askForKey(false);
  });
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: '#/' }, 'tcpfleet'),
    h('nav', { 'aria-label': 'Pages' }, link('/', 'Fleet'), link('/states', 'State model')),
    h('div', { class: 'status' }, updated, refresh, forget),
  );
}

function askForKey(refused: boolean): void {
  page = null;
  route = null;
  fill(
    main,
    keyForm(keys, refused, () => void show()),
  );
  main.querySelector('input')?.focus();
}

function failed(error: unknown): void {
  // A refused key has already brought up the key form (api.onRefused).
  if (!(error instanceof AuthError)) fill(main, errorBox(error));
}

function context(): Context {
  if (!catalog) throw new Error('the state model is not loaded');
  return { api, catalog, wall: wall.enabled, go: (next) => (window.location.hash = next) };
}

function build(next: Route): Page | null {
  switch (next.page) {
    case 'fleet':
      return fleetPage(context(), next);
    case 'host':
      return hostPage(context(), next);
    case 'states':
      return statesPage(context(), next);
    case 'missing':
      return null;
  }
}

/** Shows the page of the current hash: in place when the page can take the new route, else anew. */
async function show(): Promise<void> {
  if (keys.get() === null) return askForKey(false);
  try {
    catalog ??= await Catalog.load(api);
    const next = parseRoute(window.location.hash);
    if (page?.update && route?.page === next.page && page.update(next)) {
      route = next;
      return;
    }
    route = next;
    page = build(next);
    if (page === null)
      return fill(main, h('p', { class: 'error' }, 'No such page. ', link('/', 'Go to the fleet overview.')));
    fill(main, page.element);
    window.scrollTo(0, 0);
    stamp();
  } catch (error) {
    failed(error);
  }
}

async function refreshPage(): Promise<void> {
  if (!page) return show();
  try {
    await page.refresh();
    stamp();
  } catch (error) {
    failed(error);
  }
}

function stamp(): void {
  updated.textContent = `updated ${new Date().toLocaleTimeString('en-GB')}`;
}

document.body.classList.toggle('wall', wall.enabled);
document.body.replaceChildren(shell(), main);
window.addEventListener('hashchange', () => void show());
if (wall.refreshSeconds > 0) window.setInterval(() => void refreshPage(), wall.refreshSeconds * 1000);
void show();
