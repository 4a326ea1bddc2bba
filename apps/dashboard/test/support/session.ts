import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { graphql, request } from '../../../api/test/support/http';
import { ADMIN_KEY, startTestApi, type TestApi } from '../../../api/test/support/test-api';
import { browserSuite, openBrowser, type Browser } from './browser';
import { pushFleet, type Pushed } from './fleet';

/**
 * Each run saves a screenshot of every page under .tcpfleet/screenshots (ignored by git);
 * TCPFLEET_SCREENSHOTS=docs writes them over the committed ones the README shows.
 */
export const SCREENSHOTS =
  process.env.TCPFLEET_SCREENSHOTS === 'docs'
    ? join(__dirname, '../screenshots')
    : join(__dirname, '../../../../.tcpfleet/screenshots');

export interface Session {
  api: TestApi;
  browser: Browser;
  page: Page;
  /** Every host's current snapshot, as pushed. */
  pushed: Pushed;
  /** A reader key, as a wall screen would have. */
  readerKey: string;
}

/**
 * Everything a browser test needs: chromium (first, so CI fails at once without it), the dashboard
 * built from this source, the API from source on a fresh store, the simulated fleet and a reader key.
 */
export async function startSession(): Promise<Session> {
  const browser = await openBrowser();
  let api: TestApi | undefined;
  try {
    execFileSync(process.execPath, [join(__dirname, '../../scripts/build.mjs')], { stdio: 'pipe' });
    // The fleet history is written every second rather than every minute, so the charts have it at once.
    api = await startTestApi({ TCPFLEET_FLEET_ROLLUP_SECONDS: '1' });
    const pushed = await pushFleet(api.url);
    await fleetHistoryHolds(api.url, pushed.size);
    const created = await request(`${api.url}/v1/admin/keys`, 'POST', {
      token: ADMIN_KEY,
      body: { name: 'dashboard-test', role: 'reader' },
    });
    if (created.status !== 201)
      throw new Error(`key create: ${created.status} ${JSON.stringify(created.body)}`);
    return { api, browser, page: browser.page, pushed, readerKey: created.body.key };
  } catch (error) {
    await browser.close();
    await api?.stop();
    throw error;
  }
}

export async function stopSession(session: Session | undefined): Promise<void> {
  await session?.browser.close();
  await session?.api.stop();
}

/**
 * The tests of one spec file, in a describe block with one session started before them and stopped
 * after; skipped with a message when chromium is missing outside CI. `session()` gives the session.
 */
export function describeInBrowser(name: string, tests: (session: () => Session) => void): void {
  jest.setTimeout(120_000);
  const suite = browserSuite();
  if (suite.reason) console.warn(suite.reason);
  (suite.run ? describe : describe.skip)(name, () => {
    let current: Session | undefined;
    beforeAll(async () => (current = await startSession()));
    afterAll(() => stopSession(current));
    tests(() => {
      if (!current) throw new Error('the browser session did not start');
      return current;
    });
  });
}

/**
 * Waits until the API's fleet history has a bucket with every pushed host reporting, and its second
 * is over: the charts read up to the last whole second.
 */
async function fleetHistoryHolds(base: string, hosts: number): Promise<void> {
  const from = new Date(Date.now() - 60_000).toISOString();
  const end = Date.now() + 15_000;
  for (;;) {
    const answer = await graphql(base, ADMIN_KEY, FLEET_REPORTING, { from });
    const reporting: { at: string; hosts: number }[] = answer.body.data?.fleetHistory.reporting ?? [];
    const full = reporting.find((point) => point.hosts === hosts);
    if (full) {
      const over = Date.parse(full.at) + 1_000 - Date.now();
      if (over > 0) await new Promise((resolve) => setTimeout(resolve, over + 50));
      return;
    }
    if (Date.now() > end)
      throw new Error(`no fleet history bucket with ${hosts} hosts: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const FLEET_REPORTING = `query($from: DateTime!) {
  fleetHistory(from: $from, stepSeconds: 1) { reporting { at hosts } }
}`;

/** Enters the key in the dashboard's form, the way a person does once per browser. */
export async function enterKey(page: Page, key: string): Promise<void> {
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
}

/** The texts of one column of a table, by its aria-label. */
export function column(page: Page, table: string, index: number): Promise<string[]> {
  return page.locator(`table[aria-label="${table}"] tbody tr > :nth-child(${index})`).allTextContents();
}

export const formatted = (value: number): string => value.toLocaleString('en-US');

/** How far the page is wider than the window at each width: 0 when wide tables scroll inside their panel. */
export async function overflowAt(page: Page, widths: readonly number[]): Promise<Record<number, number>> {
  const overflow: Record<number, number> = {};
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const scroll = Number(await page.evaluate('document.documentElement.scrollWidth'));
    overflow[width] = Math.max(0, scroll - width);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  return overflow;
}
