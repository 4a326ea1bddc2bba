import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, which .ci/run installs. */
export const CHROMIUM = '/usr/bin/chromium';

/** CI must run the browser tests; elsewhere they run once Debian's chromium is installed. */
export function browserTestsRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(CHROMIUM) || (Boolean(env.CI) && env.CI !== 'false');
}

export interface Browser {
  page: Page;
  /** Content-Security-Policy violations, as the page's own event reports them, and page errors. */
  problems(): Promise<string[]>;
  /** Every URL the page asked for. */
  requested: string[];
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile; nothing reaches out beyond the server under test. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tcpfleet-api-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  // Listens before any of the page's scripts run, so no violation goes unseen. (Text: this runs in
  // the page, and the API's tests are typed without the DOM.)
  await context.addInitScript({
    content: `window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(
        event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sample + ')'));`,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => requested.push(request.url()));
  return {
    page,
    requested,
    problems: async () => [...errors, ...((await page.evaluate('window.cspViolations')) as string[])],
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
