import { TcpState, TCP_STATES, vocabulariesFor } from '@tcpfleet/model';
import { join } from 'node:path';
import { graphql } from '../../api/test/support/http';
import { ADMIN_KEY } from '../../api/test/support/test-api';
import { eventually } from './support/browser';
import { expectedHosts, HOSTILE, stateTotals } from './support/fleet';
import { column, describeInBrowser, enterKey, formatted, overflowAt, SCREENSHOTS } from './support/session';

const HOST_QUERY = `query($h: String!) {
  host(hostname: $h) { findings { rule title } topProcesses(limit: 10) { name count } }
}`;

describeInBrowser('host and state model pages in a browser, against a live API', (session) => {
  let hostname: string;
  beforeAll(async () => {
    const { page, pushed, api, readerKey } = session();
    // The busiest simulated host of the headline query: the one with the CLOSE_WAIT leak.
    [[hostname]] = expectedHosts(pushed, TcpState.CLOSE_WAIT, 443, 100).filter(
      ([name]) => name !== HOSTILE.hostname,
    );
    await page.goto(`${api.url}/dashboard/`);
    await enterKey(page, readerKey);
  });

  it('opens a host from the query: counts per state and port, history per state, processes, findings', async () => {
    const { page, pushed } = session();
    const snapshot = pushed.get(hostname)!;
    await page
      .getByRole('table', { name: 'Hosts' })
      .getByRole('link', { name: hostname, exact: true })
      .click();
    await page.locator('.host-head .facts').waitFor();
    await expect(page.locator('.host-head h1').textContent()).resolves.toBe(hostname);
    const totals = stateTotals(snapshot);
    for (const [state, count] of totals) {
      const tile = page.locator(`.tile[data-state="${state}"] .value`);
      await expect(tile.textContent()).resolves.toBe(count >= 10_000 ? expect.any(String) : formatted(count));
    }
    const closeWait443 = snapshot.counts
      .filter((c) => c.state === 'CLOSE_WAIT' && c.port === 443)
      .reduce((sum, c) => sum + c.count, 0);
    const cells = await page
      .locator('table.matrix tbody tr[data-port="443"] td[data-state="CLOSE_WAIT"]')
      .allTextContents();
    expect(cells.reduce((sum, text) => sum + Number(text.replace(/\D/g, '') || 0), 0)).toBe(closeWait443);
    await page.locator('figure.chart-box[data-state="CLOSE_WAIT"] svg path.line').waitFor();
    expect(await page.locator('figure.chart-box').count()).toBe(totals.size);

    const answer = await graphql(session().api.url, ADMIN_KEY, HOST_QUERY, { h: hostname });
    const { findings, topProcesses } = answer.body.data.host;
    expect(findings.map((f: { rule: string }) => f.rule)).toContain('CLOSE_WAIT_LEAK');
    expect(await page.locator('.finding h3').allTextContents()).toEqual(
      findings.map((f: { title: string }) => expect.stringContaining(f.title)),
    );
    await expect(page.locator('.finding .next-step').first().textContent()).resolves.toContain('Next step');
    expect(await column(page, 'Top processes', 1)).toEqual(
      topProcesses.map((p: { name: string | null }) => p.name ?? '(unattributed)'),
    );
  });

  it('fits a phone and a small laptop without sideways scrolling', async () => {
    expect(await overflowAt(session().page, [390, 1280])).toEqual({ 390: 0, 1280: 0 });
  });

  it('filters the host’s sockets by state (another spelling), port and process', async () => {
    const { page, pushed } = session();
    const sockets = pushed.get(hostname)!.sockets;
    const matching = sockets.filter(
      (s) => s.state === 'CLOSE_WAIT' && (s.localPort === 443 || s.remotePort === 443),
    );
    expect(matching.length).toBeGreaterThan(0);
    const form = page.getByRole('form', { name: 'Socket filter' });
    await form.getByLabel('State').fill('CLOSE-WAIT');
    await form.getByLabel('Port (local or remote)').fill('443');
    await form.getByRole('button', { name: 'Filter' }).click();
    await eventually(
      () => page.locator('[data-sockets]').getAttribute('data-sockets'),
      (shown) => shown === String(matching.length),
    );
    // A long list shows its first 100 rows until asked for all.
    if (matching.length > 100) {
      expect(await column(page, 'Sockets', 1)).toHaveLength(100);
      await page.getByRole('button', { name: `Show all ${matching.length} rows` }).click();
    }
    expect(await column(page, 'Sockets', 1)).toEqual(matching.map(() => 'CLOSE_WAIT'));

    const process = matching.find((s) => s.process !== 'java')?.process ?? matching[0].process!;
    const byProcess = matching.filter((s) => s.process === process);
    await form.getByLabel('Process').fill(process);
    await form.getByRole('button', { name: 'Filter' }).click();
    const processes = await eventually(
      () => column(page, 'Sockets', 4),
      (shown) => shown.length === byProcess.length,
    );
    expect(processes).toEqual(byProcess.map(() => process));
    expect(page.url()).toContain(`sprocess=${process}`);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'host.png'), fullPage: true });
  });

  it('explains every state with its name and code on every OS', async () => {
    const { page } = session();
    await page.getByRole('link', { name: 'State model' }).click();
    await page.getByRole('heading', { name: 'TCP socket states' }).waitFor();
    expect(await page.locator('.state-card').count()).toBe(TCP_STATES.length);
    const card = page.locator('.state-card[data-state="SYN_RECEIVED"]');
    for (const spelling of vocabulariesFor(TcpState.SYN_RECEIVED)) {
      const cells = await card.locator(`tr[data-vocabulary="${spelling.id}"] td`).allTextContents();
      expect(cells[0]).toBe(spelling.names.length > 0 ? spelling.names.join(', ') : '—');
      expect(cells[1]).toContain(spelling.codes.length > 0 ? String(spelling.codes[0]) : '—');
    }
    await page.getByLabel(/Look up any spelling/).fill('FinWait2');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('.resolved p').waitFor();
    await expect(page.locator('.resolved').textContent()).resolves.toBe('FinWait2 means FIN_WAIT_2.');
    await page.locator('.state-card.highlight[data-state="FIN_WAIT_2"]').waitFor();
    expect(await overflowAt(page, [390, 1280])).toEqual({ 390: 0, 1280: 0 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'states.png') });
  });

  it('opens a state from a tile of the fleet page', async () => {
    const { page } = session();
    await page.getByRole('link', { name: 'Fleet', exact: true }).click();
    await page.locator('.tile[data-state="TIME_WAIT"] h3 a').click();
    await page.locator('.state-card.highlight[data-state="TIME_WAIT"]').waitFor();
    expect(page.url()).toContain('#/states?state=TIME_WAIT');
    expect(session().browser.problems).toEqual([]);
  });
});
