import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** CI must run the browser tests; elsewhere they wait for Debian's chromium to be installed. */
export function browserSuite(
  chromium = CHROMIUM,
  env: NodeJS.ProcessEnv = process.env,
): { run: boolean; reason: string | null } {
  const ci = Boolean(env.CI) && env.CI !== 'false';
  if (existsSync(chromium) || ci) return { run: true, reason: null };
  return {
    run: false,
    reason: `dashboard browser tests skipped: ${chromium} is missing (apt-get install chromium); CI runs them`,
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and uncaught page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A headless chromium of its own: its context, and the profile folder to remove after it closed. */
export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's chromium, headless, with a fresh profile under `profilePrefix`: no sandbox (CI runs as
 * root), and none of chromium's own traffic (updates, sync, QUIC probes), so nothing reaches out
 * beyond the server under test.
 */
export async function launchChromium(
  profilePrefix: string,
  options: { viewport: { width: number; height: number }; locale?: string; timezoneId?: string },
): Promise<Chromium> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...options,
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
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Headless chromium with a fresh profile, nothing reaching out beyond the API under test. */
export async function openBrowser(): Promise<Browser> {
  const { context, close } = await launchChromium('tcpfleet-dashboard-chromium-', {
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(message.text());
  });
  return {
    context,
    page,
    problems,
    close,
  };
}

/** Reads until `done` holds or the time is up, and returns the last reading for the test to assert on. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
