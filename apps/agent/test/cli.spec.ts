import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveStateName, STATE_INFO, type SnapshotV1 } from '@tcpfleet/model';
import { captureRecord, PROC_TREE } from './fixtures';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const PARSE_FIXTURES = join(__dirname, 'fixtures', 'parse');

function cli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [MAIN, ...args], {
    input: options.input ?? '',
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
  });
}

/** States counted from the fixture text by its own columns, independent of the parsers. */
function countColumn(file: string, protocol: RegExp, stateColumn: (fields: string[]) => string | undefined) {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (!protocol.test(fields[0] ?? '')) continue;
    const [state] = resolveStateName(stateColumn(fields) ?? '');
    if (state) counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

beforeAll(() => {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run "pnpm run build" at the repository root first`);
});

describe('tcpfleet-agent parse', () => {
  const windows = join(PARSE_FIXTURES, 'windows10-netstat-an.jc.txt');
  const ss = join(PARSE_FIXTURES, 'centos7.7-ss-a.jc.txt');

  it('prints one JSON object with the detected format and the sockets per state', () => {
    const result = cli(['parse', windows, '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['format', 'sockets', 'counts', 'warnings']);
    expect(output.format).toBe('windows-netstat');
    expect(output.counts).toEqual(countColumn(windows, /^TCP$/, (f) => f[3]));
  });

  it('reads standard input and skips the UDP and unix rows of ss -a', () => {
    const result = cli(['parse', '-', '--json', '--format', 'linux-ss'], { input: readFileSync(ss, 'utf8') });
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.counts).toEqual(countColumn(ss, /^tcp$/, (f) => f[1]));
    expect(output.sockets).toHaveLength(6);
  });

  it('prints a table with what each state means', () => {
    const result = cli(['parse', windows]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^LISTEN\s+\d+\s+/m);
    expect(result.stdout).toContain(STATE_INFO.ESTABLISHED.description);
  });

  it('refuses an unknown format name and lists the accepted ones', () => {
    const result = cli(['parse', windows, '--format', 'solaris-netstat']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/unknown format "solaris-netstat".*linux-proc.*powershell-json/);
  });

  it('says so when the file cannot be read', () => {
    const result = cli(['parse', '/nonexistent/listing.txt']);
    expect(result.status).toBe(66);
    expect(result.stderr).toMatch(/cannot read \/nonexistent\/listing.txt: ENOENT/);
  });

  it('says so when the format cannot be told, and names the formats', () => {
    const result = cli(['parse', '-'], { input: 'hello\nworld\n' });
    expect(result.status).toBe(65);
    expect(result.stderr).toMatch(/cannot tell the format.*--format.*windows-netstat/);
  });
});

describe('tcpfleet-agent once', () => {
  const record = captureRecord();

  it('prints the whole snapshot as JSON with complete counts and the given host facts', () => {
    const result = cli([
      'once',
      '--json',
      '--proc-root',
      PROC_TREE,
      '--hostname',
      'web-1',
      '--label',
      'tier=edge',
    ]);
    expect(result.status).toBe(0);
    const snapshot = JSON.parse(result.stdout) as SnapshotV1;
    expect(snapshot.host).toMatchObject({ hostname: 'web-1', os: 'linux', labels: { tier: 'edge' } });
    const listed = snapshot.counts.reduce((sum, row) => sum + row.count, 0);
    expect(listed).toBe(snapshot.collector.socketCount);
    const expected = [record.hostStates, record.containerStates]
      .flatMap(Object.values)
      .reduce((a, b) => a + b, 0);
    expect(snapshot.collector.socketCount).toBe(expected);
  });

  it('caps the socket list but keeps the counts whole', () => {
    const result = cli(['once', '--json', '--proc-root', PROC_TREE, '--max-sockets', '2']);
    const snapshot = JSON.parse(result.stdout) as SnapshotV1;
    expect(snapshot.sockets).toHaveLength(2);
    expect(snapshot.collector.truncated).toBe(true);
    expect(snapshot.counts.reduce((sum, row) => sum + row.count, 0)).toBe(snapshot.collector.socketCount);
  });

  it('prints totals per state and the top ports and processes', () => {
    const result = cli(['once', '--proc-root', PROC_TREE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^CLOSE_WAIT\\s+1\\s+${record.hostPort} in \\(1\\)`, 'm'));
    expect(result.stdout).toMatch(/^\s+node \(\d+\)/m);
  });
});

describe('settings', () => {
  it('stops with a message naming a bad environment variable', () => {
    const result = cli(['once', '--proc-root', PROC_TREE], { env: { TCPFLEET_MAX_SOCKETS: 'lots' } });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/bad setting TCPFLEET_MAX_SOCKETS: "lots" is not a whole number/);
  });

  it('stops on an unknown key in the config file, naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'config-')), 'agent.json');
    writeFileSync(file, JSON.stringify({ server: 'http://127.0.0.1:1', intervall: '10s' }));
    const result = cli(['run', '--config', file]);
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/unknown setting intervall/);
  });

  it('lets a flag win over the environment and the config file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'config-')), 'agent.json');
    writeFileSync(file, JSON.stringify({ hostname: 'from-file', labels: { rack: 'r1' } }));
    const fromFile = JSON.parse(cli(['once', '--json', '--proc-root', PROC_TREE, '--config', file]).stdout);
    expect(fromFile.host).toMatchObject({ hostname: 'from-file', labels: { rack: 'r1' } });
    const env = { TCPFLEET_HOSTNAME: 'from-env', TCPFLEET_CONFIG: file };
    expect(JSON.parse(cli(['once', '--json', '--proc-root', PROC_TREE], { env }).stdout).host.hostname).toBe(
      'from-env',
    );
    const flag = cli(['once', '--json', '--proc-root', PROC_TREE, '--hostname', 'from-flag'], { env });
    expect(JSON.parse(flag.stdout).host.hostname).toBe('from-flag');
  });

  it('needs a server to run', () => {
    const result = cli([
      'run',
      '--once',
      '--proc-root',
      PROC_TREE,
      '--state-dir',
      mkdtempSync(join(tmpdir(), 'state-')),
    ]);
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/missing setting --server/);
  });

  it('warns once at start that plain http to another machine carries the token unencrypted', () => {
    const server = 'http://tcpfleet.example.com:8080';
    // No stored token and no enrolment secret: the agent stops before it connects anywhere.
    const stateDir = mkdtempSync(join(tmpdir(), 'state-'));
    const result = cli([
      'run',
      '--once',
      '--proc-root',
      PROC_TREE,
      '--state-dir',
      stateDir,
      '--server',
      server,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no host token .* and no enrolment secret/);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('plain http'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({
      level: 'warn',
      server,
      msg: expect.stringContaining(
        `plain http at ${server}: the host token and every snapshot travel unencrypted`,
      ),
    });
  });

  it.each(['parse', 'once', 'run', 'enroll'])('explains %s with --help', (command) => {
    const result = cli([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: tcpfleet-agent ${command}`));
  });
});
