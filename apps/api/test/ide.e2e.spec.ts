import { browserTestsRun, openBrowser, type Browser } from './support/browser';
import { ADMIN_KEY, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(90_000);

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

/** The GraphQL IDE the app serves at /graphql (for browsers) and /ide, offline and locked down. */
describe('the GraphQL IDE page', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.stop());

  const openPage = (path: string) => fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });

  it.each(['/graphql', '/ide'])('%s carries a strict Content-Security-Policy', async (path) => {
    const page = await openPage(path);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = directives(page.headers.get('content-security-policy'));
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(Object.values(policy).flat()).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/unsafe|\*|https?:/)]),
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('loads only same-origin scripts and styles, each served by the app, with nothing inline', async () => {
    const html = await (await openPage('/graphql')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.map(([, , inline]) => inline.trim())).toEqual(scripts.map(() => ''));
    const loaded = [
      ...scripts.map(([, attributes]) => /\bsrc="([^"]+)"/.exec(attributes)?.[1]),
      ...[...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map(([, href]) => href),
    ];
    for (const source of loaded) {
      expect(source).toMatch(/^\/[^/]/);
      expect(new URL(source as string, t.url).origin).toBe(t.url);
      const asset = await fetch(`${t.url}${source}`);
      expect({ source, status: asset.status, nosniff: asset.headers.get('x-content-type-options') }).toEqual({
        source,
        status: 200,
        nosniff: 'nosniff',
      });
      expect(asset.headers.get('content-type')).toMatch(/^text\/(javascript|css)/);
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:|https?:\/\//i);
  });

  (browserTestsRun() ? describe : describe.skip)('in a browser (Debian chromium)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await openBrowser();
    });
    afterAll(() => browser?.close());

    it('runs a query, shows the schema and opens its dialogs with no policy violation', async () => {
      const { page } = browser;
      await page.goto(`${t.url}/graphql`, { waitUntil: 'networkidle' });
      await page.locator('.graphiql-editor-tool .CodeMirror').last().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`{"Authorization": "Bearer ${ADMIN_KEY}"}`);
      await page.click('.graphiql-execute-button');
      await page.locator('.result-window').getByText('"nodes"').waitFor();
      await page.click('[aria-label="Show Documentation Explorer"]');
      await page.locator('.graphiql-doc-explorer').getByText('query', { exact: true }).waitFor();
      for (const dialog of ['Open settings dialog', 'Open short keys dialog']) {
        await page.click(`[aria-label="${dialog}"]`);
        await page.getByRole('dialog').waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      expect(await browser.problems()).toEqual([]);
      expect([...new Set(browser.requested.map((url) => new URL(url).origin))]).toEqual([t.url]);
    });
  });
});
