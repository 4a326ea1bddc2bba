import type { Page } from 'playwright-core';
// The dashboard's tests launch the same chromium the same way.
import { browserSuite, launchChromium } from '../../../dashboard/test/support/browser';

/** CI must run the browser tests; elsewhere they run once Debian's chromium is installed. */
export const browserTestsRun = (): boolean => browserSuite().run;

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
  const { context, close } = await launchChromium('tcpfleet-api-chromium-', {
    viewport: { width: 1400, height: 900 },
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
    close,
  };
}
