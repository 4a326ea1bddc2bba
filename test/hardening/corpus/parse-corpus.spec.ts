import { FORMAT_NAMES } from '@tcpfleet/model';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_MAIN, agentBuilt } from '../support/agent-process';

jest.setTimeout(600_000);

const MB = 1024 * 1024;
// sysexits.h, as the agent's README documents them: 0 ok, 65 undecodable input.
const EXIT = { ok: 0, dataError: 65 };
/**
 * Warnings a parser reports at most: the cap the BSD, macOS, Windows and illumos parsers share
 * (MAX_WARNINGS in packages/model/src/parsers/freebsd/report.ts), plus the line saying how many more.
 */
const MAX_WARNINGS = 1000 + 1;
/** What `parse` may hold at most: Node itself, plus the input a few times over (text, lines, sockets). */
const rssBound = (bytes: number) => 200 * MB + 12 * bytes;

/** A deterministic byte source (xorshift32), so a failure reproduces byte for byte. */
function bytes(size: number, seed: number, alphabet?: string): Buffer {
  const out = Buffer.alloc(size);
  let x = seed || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = alphabet ? alphabet.charCodeAt((x >>> 0) % alphabet.length) : x & 0xff;
  }
  return out;
}

const SS_HEADER = 'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n';
const PROC_HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';

/** Nasty inputs by name: garbage of every kind, and real headers followed by garbage. */
const INPUTS: Record<string, () => Buffer> = {
  empty: () => Buffer.alloc(0),
  'binary, 1 MB': () => bytes(MB, 1),
  'NULs, 1 MB': () => Buffer.alloc(MB),
  'invalid UTF-8': () =>
    Buffer.from(Array.from({ length: 4096 }, (_, i) => [0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe][i % 6])),
  'one line of 10 MB': () => bytes(10 * MB, 2, 'ESTAB 0 0 127.0.0.1:80 10.0.0.1:5 LISTEN :::: [] {} " '),
  'garbage, 50 MB': () => bytes(50 * MB, 3, 'abcdefghij0123456789 .:-_[]{}"\n\t\r'),
  'an ss header, then binary': () => Buffer.concat([Buffer.from(SS_HEADER), bytes(MB, 4)]),
  'a /proc/net/tcp header, then garbage lines': () =>
    Buffer.concat([Buffer.from(PROC_HEADER), bytes(2 * MB, 5, '0123456789ABCDEF: \n')]),
  'PowerShell JSON nested 100,000 deep': () => Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  'PowerShell JSON of the wrong shapes': () =>
    Buffer.from(
      JSON.stringify([null, 1, 'x', { State: {} }, { LocalPort: -1, State: 99, RemoteAddress: [] }]),
    ),
  'a byte-order mark and CR line ends': () =>
    Buffer.from(`\ufeff${SS_HEADER}LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\r\r\n`),
};

interface Outcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  rssBytes: number;
}

/** The built agent under /usr/bin/time, which reports the child's peak resident memory (%M, KiB). */
function parse(file: string, args: string[], dir: string): Promise<Outcome> {
  const rssFile = join(dir, 'rss');
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/time',
      ['-f', '%M', '-o', rssFile, process.execPath, AGENT_MAIN, 'parse', file, ...args],
      { maxBuffer: 1024 * MB, timeout: 120_000, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const rss = existsSync(rssFile) ? Number(/(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1]) : NaN;
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          signal: error?.signal ?? null,
          stdout,
          stderr,
          rssBytes: rss * 1024,
        });
      },
    );
  });
}

/** No crash: a documented exit code, a message rather than a stack trace, memory within the bound. */
function expectHandled(outcome: Outcome, size: number, codes: number[]): void {
  expect({
    signal: outcome.signal,
    documented: codes.includes(outcome.code ?? -1)
      ? 'yes'
      : `exit ${outcome.code}: ${outcome.stderr.slice(0, 300)}`,
    stack: /\n\s+at /.test(outcome.stderr),
    withinMemory: outcome.rssBytes <= rssBound(size) ? 'yes' : `${Math.round(outcome.rssBytes / MB)} MiB`,
  }).toEqual({ signal: null, documented: 'yes', stack: false, withinMemory: 'yes' });
}

(agentBuilt() && existsSync('/usr/bin/time') ? describe : describe.skip)(
  'tcpfleet-agent parse on nasty input',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcpfleet-parse-corpus-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    describe.each(Object.keys(INPUTS))('%s', (name) => {
      const file = join(dir, name.replace(/\W+/g, '-'));
      let size = 0;
      beforeAll(() => {
        const content = INPUTS[name]();
        size = content.length;
        writeFileSync(file, content);
      });
      afterAll(() => rmSync(file, { force: true }));

      it('auto-detects a format or says it cannot (65)', async () => {
        const outcome = await parse(file, ['--json'], dir);
        expectHandled(outcome, size, [EXIT.ok, EXIT.dataError]);
        if (outcome.code === EXIT.ok) expect(JSON.parse(outcome.stdout)).toHaveProperty('warnings');
        else expect(outcome.stderr).toMatch(/cannot tell the format/);
      });

      it.each(FORMAT_NAMES.map((format) => [format]))('reads it as %s without throwing', async (format) => {
        const outcome = await parse(file, ['--json', '--format', format], dir);
        expectHandled(outcome, size, [EXIT.ok]);
        const result = JSON.parse(outcome.stdout);
        expect(Array.isArray(result.sockets) && Array.isArray(result.warnings)).toBe(true);
        expect(result.warnings.length).toBeLessThanOrEqual(MAX_WARNINGS);
      });
    });
  },
);
