import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linuxOptions } from '../../test/fixtures';
import { createLogger } from '../log/logger';
import { listenerBacklogs } from './backlog_linux';
import { backlogKey } from './collector';
import type { CommandRunner } from './runner';

const CAPTURE = join(__dirname, '../../test/fixtures/commands/linux6.18-ss-ltnH.txt');

function recordingLog() {
  const lines: string[] = [];
  const log = createLogger({
    format: 'json',
    level: 'debug',
    stream: { write: (line: string) => lines.push(line) },
  });
  return { log, lines };
}

describe('listenerBacklogs', () => {
  it('reads every listener backlog from ss -ltnH, the Send-Q of a listener', async () => {
    const calls: string[] = [];
    const run: CommandRunner = (command, args) => {
      calls.push([command, ...args].join(' '));
      return Promise.resolve(readFileSync(CAPTURE, 'utf8'));
    };
    const backlogs = await listenerBacklogs(linuxOptions('/nonexistent', { run }));
    expect(calls).toEqual(['ss -ltnH']);
    expect(backlogs?.size).toBe(18);
    // The capture's listener that never accepts: backlog 2, three connections queued.
    expect(backlogs?.get(backlogKey('127.0.0.1', 41449))).toBe(2);
    expect(backlogs?.get(backlogKey('::1', 6379))).toBe(511);
    expect(backlogs?.get(backlogKey('0.0.0.0', 2024))).toBe(128);
  });

  it('goes without backlogs, and says why in the debug log, when ss is missing', async () => {
    const { log, lines } = recordingLog();
    const run: CommandRunner = () => Promise.reject(new Error('spawn ss ENOENT'));
    expect(await listenerBacklogs(linuxOptions('/nonexistent', { run, log }))).toBeUndefined();
    expect(lines.join('')).toMatch(/listener backlogs unavailable.*spawn ss ENOENT/);
  });

  it('does not wait for an ss that does not answer', async () => {
    const { log, lines } = recordingLog();
    const run: CommandRunner = () => new Promise(() => undefined);
    const started = Date.now();
    expect(await listenerBacklogs(linuxOptions('/nonexistent', { run, log }), 50)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lines.join('')).toMatch(/no answer within 50 ms/);
  });
});
