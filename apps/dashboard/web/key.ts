import { h } from './dom';

const STORAGE_KEY = 'tcpfleet.apiKey';

/** The API key, entered once and kept in this browser's localStorage for this origin. */
export class KeyStore {
  constructor(private readonly storage: Storage) {}

  get(): string | null {
    const key = this.storage.getItem(STORAGE_KEY);
    return key && key.trim() ? key.trim() : null;
  }

  set(key: string): void {
    this.storage.setItem(STORAGE_KEY, key.trim());
  }

  clear(): void {
    this.storage.removeItem(STORAGE_KEY);
  }
}

/** The form that asks for a key; `refused` says why it is shown again. */
export function keyForm(keys: KeyStore, refused: boolean, onSaved: () => void): HTMLElement {
  const input = h('input', {
    type: 'password',
    name: 'key',
    id: 'api-key',
    autocomplete: 'off',
    required: true,
    placeholder: 'API key',
  });
  const form = h(
    'form',
    { class: 'key-form', 'aria-label': 'Enter an API key' },
    h('h1', {}, 'tcpfleet dashboard'),
    refused
      ? h('p', { class: 'error', role: 'alert' }, 'The API refused this key. Enter another one.')
      : null,
    h(
      'p',
      {},
      'Enter an API key (role reader or admin). It is kept in this browser only and sent to this API as a bearer token. Create one with ',
      h('code', {}, 'pnpm --silent tcpfleet-api key create --name wall --role reader'),
      '.',
    ),
    h('label', { for: 'api-key' }, 'API key'),
    input,
    h('button', { type: 'submit' }, 'Save key'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    keys.set(input.value);
    onSaved();
  });
  return form;
}
