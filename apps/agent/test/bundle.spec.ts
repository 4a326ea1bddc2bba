import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', 'scripts', 'bundle.mjs');
const LISTING = join(__dirname, 'fixtures', 'parse', 'windows10-netstat-an.jc.txt');
const PROC_TREE = join(__dirname, 'fixtures', 'proc', 'host-and-container');
// Prints, at exit, the Node modules the process loaded (process.moduleLoadList, "NativeModule <id>").
const LOADED = `process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)))`;

describe('the single-file bundle', () => {
  // Built in one directory, run from another that has no node_modules anywhere above it.
  const built = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'tcpfleet-agent.cjs');
  const alone = join(mkdtempSync(join(tmpdir(), 'alone-')), 'tcpfleet-agent.cjs');

  beforeAll(() => {
    execFileSync(process.execPath, [SCRIPT, built], { stdio: 'pipe' });
    copyFileSync(built, alone);
  }, 60_000);

  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, [alone, ...args], {
      cwd: tmpdir(),
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });

  it('runs --help with plain node', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tcpfleet-agent COMMAND/);
  });

  it('decodes a listing from standard input', () => {
    const result = run(['parse', '-', '--json'], readFileSync(LISTING, 'utf8'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).format).toBe('windows-netstat');
  });

  it('loads neither the HTTP client, zlib, crypto, child_process nor perf_hooks for a snapshot it only prints', () => {
    const result = spawnSync(
      process.execPath,
      ['-e', `${LOADED}; require(process.argv[1])`, '--', alone, 'once', '--json'],
      { cwd: tmpdir(), encoding: 'utf8', env: { PATH: process.env.PATH, TCPFLEET_PROC_ROOT: PROC_TREE } },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).collector.socketCount).toBeGreaterThan(0);
    const loaded = JSON.parse(result.stderr.slice(result.stderr.lastIndexOf('['))) as string[];
    expect(loaded).toContain('NativeModule fs');
    for (const module of ['http', 'https', 'zlib', 'crypto', 'child_process', 'perf_hooks'])
      expect(loaded).not.toContain(`NativeModule ${module}`);
  });

  it('requires nothing but Node built-ins', () => {
    const requires = [...readFileSync(alone, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1] as string,
    );
    expect(requires.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))).toEqual(
      [],
    );
  });
});
