import { TcpState } from '@tcpfleet/model';
import { join } from 'node:path';
import { graphql } from '../../api/test/support/http';
import { ADMIN_KEY } from '../../api/test/support/test-api';
import { eventually } from './support/browser';
import { expectedHosts, HOSTILE, pushHostile, stateTotals } from './support/fleet';
import { column, describeInBrowser, enterKey, formatted, overflowAt, SCREENSHOTS } from './support/session';

const FLEET_HISTORY = `query($from: DateTime!, $to: DateTime, $step: Int!) {
  fleetHistory(from: $from, to: $to, stepSeconds: $step, states: [CLOSE_WAIT]) {
    reporting { hosts }
    states { points { at sockets averageSockets } }
  }
}`;

describeInBrowser('fleet overview in a browser, against a live API', (session) => {
  it('asks for an API key once, refuses a wrong one and keeps the right one', async () => {
    const { page, api } = session();
    await page.goto(`${api.url}/`);
    expect(page.url()).toBe(`${api.url}/dashboard/`);
    await enterKey(page, 'not-a-key-0123456789');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The API refused this key');
    await page.screenshot({ path: join(SCREENSHOTS, 'key.png') });
    await enterKey(page, session().readerKey);
    await page.getByRole('heading', { name: 'Fleet now' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Fleet now' }).waitFor();
  });

  it('shows the fleet totals now and the hosts of the headline query', async () => {
    const { page, pushed } = session();
    const expected = expectedHosts(pushed, TcpState.CLOSE_WAIT, 443, 100);
    expect(expected.map(([hostname]) => hostname)).toContain(HOSTILE.hostname);
    // Generous waits: the machine may be busy with other suites.
    const hostnames = await eventually(
      () => column(page, 'Hosts', 1),
      (names) => names.length === expected.length,
      30_000,
    );
    expect(hostnames).toEqual(expected.map(([hostname]) => hostname));
    expect(await column(page, 'Hosts', 3)).toEqual(expected.map(([, count]) => formatted(count)));
    await expect(page.locator('.query-text').textContent()).resolves.toBe(
      'CLOSE_WAIT on port 443, count > 100',
    );

    await expect(page.locator('[data-total="hosts"] .value').textContent()).resolves.toBe(
      String(pushed.size),
    );
    const closeWait = [...pushed.values()].reduce(
      (sum, s) => sum + (stateTotals(s).get('CLOSE_WAIT') ?? 0),
      0,
    );
    const tile = page.locator('.tile[data-state="CLOSE_WAIT"]');
    await expect(tile.locator('.value').textContent()).resolves.toBe(formatted(closeWait));
    // The fleet history began with this API a few seconds ago: its newest point, at least, is drawn.
    await tile.locator('svg circle.dot').waitFor({ timeout: 30_000 });
    // The page may have read the fleet history a moment before its full bucket was in range: it
    // says so, and the next refresh shows the bucket.
    const note = await eventually(
      async () => {
        const text = (await page.locator('.now .note').textContent()) ?? '';
        if (text.includes('no fleet history')) await page.getByRole('button', { name: 'Refresh' }).click();
        return text;
      },
      (text) => text.includes('every reporting host counted'),
      30_000,
    );
    expect(note).toContain('fleet-wide sockets per state');
    expect(note).toContain(`every reporting host counted (${pushed.size} at most)`);
    await page.screenshot({ path: join(SCREENSHOTS, 'fleet.png'), fullPage: true });
  });

  it('charts the API’s fleet history: the points drawn are those of fleetHistory', async () => {
    const { page, api, pushed } = session();
    const tiles = page.locator('.tiles');
    const window = {
      from: await tiles.getAttribute('data-from'),
      to: await tiles.getAttribute('data-to'),
      step: Number(await tiles.getAttribute('data-step')),
    };
    const drawn = JSON.parse(
      (await page.locator('.tile[data-state="CLOSE_WAIT"] svg').getAttribute('data-points')) ?? 'null',
    );
    const answer = await graphql(api.url, ADMIN_KEY, FLEET_HISTORY, window);
    const points: { at: string; averageSockets: number }[] = answer.body.data.fleetHistory.states[0].points;
    expect(points.length).toBeGreaterThan(0);
    expect(drawn).toEqual(points.map((point) => [Date.parse(point.at), point.averageSockets]));
    // The newest bucket holds every host's CLOSE_WAIT sockets, as pushed.
    const closeWait = [...pushed.values()].reduce(
      (sum, s) => sum + (stateTotals(s).get('CLOSE_WAIT') ?? 0),
      0,
    );
    const latest = await graphql(api.url, ADMIN_KEY, FLEET_HISTORY, {
      from: new Date(Date.now() - 10_000).toISOString(),
      step: 1,
    });
    expect(latest.body.data.fleetHistory.reporting.at(-1)).toEqual({ hosts: pushed.size });
    expect(latest.body.data.fleetHistory.states[0].points.at(-1).sockets).toBe(closeWait);
  });

  it('fits a phone, a small laptop and a large screen without sideways scrolling', async () => {
    expect(await overflowAt(session().page, [390, 1280, 2560])).toEqual({ 390: 0, 1280: 0, 2560: 0 });
  });

  it('shows attacker-chosen text as text and runs none of it', async () => {
    const { page } = session();
    const row = page.locator('table[aria-label="Hosts"] tbody tr', { hasText: HOSTILE.hostname });
    await expect(row.locator('.process').first().textContent()).resolves.toContain(HOSTILE.process);
    await expect(row.locator('.chip').textContent()).resolves.toBe(`team=${HOSTILE.label}`);
    await expect(page.locator('.findings-panel').textContent()).resolves.toContain(HOSTILE.process);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('main img, main script').count()).toBe(0);
  });

  it('takes the state in another OS spelling: SYN_RCVD', async () => {
    const { page, pushed } = session();
    const expected = expectedHosts(pushed, TcpState.SYN_RECEIVED, 443, 100);
    expect(expected.length).toBeGreaterThan(0);
    await page.getByLabel('State (any OS spelling)').fill('SYN_RCVD');
    await page.getByRole('button', { name: 'Run query' }).click();
    const hostnames = await eventually(
      () => column(page, 'Hosts', 1),
      (names) => names.join() === expected.map(([hostname]) => hostname).join(),
    );
    expect(hostnames).toEqual(expected.map(([hostname]) => hostname));
    expect(await column(page, 'Hosts', 3)).toEqual(expected.map(([, count]) => formatted(count)));
    await expect(page.locator('.query-text').textContent()).resolves.toBe(
      'SYN_RCVD on port 443, count > 100',
    );
    expect(page.url()).toContain('state=SYN_RCVD');
  });

  it('says what is wrong with a query instead of running it', async () => {
    const { page } = session();
    await page.getByLabel('Port', { exact: true }).fill('99999');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(page.locator('.hosts-panel [role="alert"]').textContent()).resolves.toBe(
      'port must be a number from 0 to 65535',
    );
    await page.getByLabel('Port', { exact: true }).fill('443');
    await page.getByLabel('State (any OS spelling)').fill('SYN_RECIEVED');
    await page.getByRole('button', { name: 'Run query' }).click();
    // The answer names the spelling and lists the accepted ones; the box shows its start.
    const unknown = page.locator('.hosts-panel [role="alert"]', { hasText: 'SYN_RECIEVED' });
    await expect(unknown.textContent()).resolves.toMatch(/^unknown TCP state name "SYN_RECIEVED"; accepted/);
    await expect(unknown.getAttribute('title')).resolves.toContain('SYN_RCVD');
  });

  it('sorts the hosts by a column header', async () => {
    const { page, pushed } = session();
    await page.getByRole('link', { name: 'Headline query' }).click();
    const expected = expectedHosts(pushed, TcpState.CLOSE_WAIT, 443, 100).map(([hostname]) => hostname);
    await page.getByRole('button', { name: 'Host' }).click();
    const ascending = [...expected].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const hostnames = await eventually(
      () => column(page, 'Hosts', 1),
      (names) => names.join() === ascending.join(),
    );
    expect(hostnames).toEqual(ascending);
    expect(page.url()).toContain('sort=HOSTNAME');
  });

  it('fills a wall screen: big numbers, no forms, ten hosts a page', async () => {
    const { page, pushed, api } = session();
    const all = [...pushed.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${api.url}/dashboard/?wall=1&refresh=10#/?cmp=gte&count=0&sort=HOSTNAME&order=ASC`);
    await expect(page.locator('[data-total="hosts"] .value').textContent()).resolves.toBe(
      String(pushed.size),
    );
    expect(await page.locator('form').count()).toBe(0);
    const first = await eventually(
      () => column(page, 'Hosts', 1),
      (names) => names.length === 10,
    );
    expect(first).toEqual(all.slice(0, 10));
    await page.locator('.tile svg circle.dot').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'wall.png') });
    await page.getByRole('button', { name: 'Next →' }).click();
    const second = await eventually(
      () => column(page, 'Hosts', 1),
      (names) => names[0] === all[10],
    );
    expect(second).toEqual(all.slice(10));
  });

  it('refreshes the wall screen by itself when a host reports', async () => {
    const { page, pushed, api } = session();
    const closeWait = (): number =>
      [...pushed.values()].reduce((sum, s) => sum + (stateTotals(s).get('CLOSE_WAIT') ?? 0), 0);
    const tile = page.locator('.tile[data-state="CLOSE_WAIT"] .value');
    await expect(tile.textContent()).resolves.toBe(formatted(closeWait()));
    pushed.set(HOSTILE.hostname, await pushHostile(api.url, HOSTILE.closeWait + 25, new Date()));
    // The wall page was opened with refresh=10: the new count shows without a click.
    const shown = await eventually(
      () => tile.textContent(),
      (text) => text === formatted(closeWait()),
      15_000,
    );
    expect(shown).toBe(formatted(closeWait()));
    expect(await column(page, 'Hosts', 1)).toEqual(
      [...pushed.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).slice(10),
    );
  });

  it('serves every file itself under a strict Content-Security-Policy, with nothing blocked', async () => {
    const answer = await fetch(`${session().api.url}/dashboard/`);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await answer.text()).not.toMatch(/<script>|<style|https?:\/\//);
    expect(session().browser.problems).toEqual([]);
  });
});
