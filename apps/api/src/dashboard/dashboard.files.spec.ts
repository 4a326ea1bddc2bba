import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DASHBOARD_DIR, DASHBOARD_FILES, DashboardFiles } from './dashboard.files';

describe('DashboardFiles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tcpfleet-dashboard-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names every file missing from an unbuilt dashboard', () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    expect(new DashboardFiles(dir).missing()).toEqual(['app.js', 'app.css', 'favicon.svg']);
  });

  it('is complete once every file is there', () => {
    for (const name of Object.keys(DASHBOARD_FILES)) writeFileSync(join(dir, name), '');
    expect(new DashboardFiles(dir).missing()).toEqual([]);
  });

  it('serves only its own file names, never a path', () => {
    const files = new DashboardFiles(dir);
    expect(files.file('app.js')).toEqual({
      path: join(dir, 'app.js'),
      type: 'text/javascript; charset=utf-8',
    });
    for (const name of ['../package.json', 'app.js.map', 'constructor', '__proto__', ''])
      expect(files.file(name)).toBeNull();
  });

  it('looks for the build in apps/dashboard/dist', () => {
    expect(DASHBOARD_DIR).toBe(join(__dirname, '../../../dashboard/dist'));
  });
});
