import { spawn } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Spool } from '../src/deliver/spool';
import { silentLogger } from '../src/log/logger';
import { testAgent } from './support/agent';
import { LoopbackApi } from './support/loopback-api';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs the spool writer until it has written `count` entries, then kills it (SIGKILL, no cleanup). */
function writeThenKill(dir: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'support', 'spool-writer.ts'), dir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const written: string[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      written.push(...lines);
      if (written.length >= count) setTimeout(() => child.kill('SIGKILL'), Math.random() * 60);
    });
    child.on('exit', () => resolve(written));
    child.on('error', reject);
  });
}

describe('a crash while writing the spool', () => {
  let api: LoopbackApi;
  beforeEach(async () => {
    api = new LoopbackApi();
    await api.start();
  });
  afterEach(() => api.stop());

  it('never replays a half-written entry, and replays every whole one', async () => {
    // A kill lands at a random point of a write; rounds go on until one has cut a write short.
    let cutShort = 0;
    for (let round = 0; round < 10 && cutShort === 0; round++) {
      api.stored.length = 0;
      const { stateDir, shipper } = testAgent(api.url);
      const dir = join(stateDir, 'spool');
      const written = await writeThenKill(dir, 3);
      const left = readdirSync(dir);
      const whole = left.filter((name) => !name.startsWith('.tmp-'));
      cutShort += left.length - whole.length;
      // Entries finished after the last id the writer printed are whole too.
      expect(whole.length).toBeGreaterThanOrEqual(written.length);
      new Spool(dir, 1000, silentLogger);
      expect(readdirSync(dir).some((name) => name.startsWith('.tmp-'))).toBe(false);
      expect(await shipper.drain()).toBe('empty');
      expect(api.stored.map((s) => s.id)).toEqual(whole.map((name) => name.slice(13, 49)));
      rmSync(stateDir, { recursive: true });
    }
    expect(cutShort).toBeGreaterThan(0);
  }, 60_000);

  it('removes an entry cut short or garbled instead of sending it', async () => {
    const { stateDir, shipper, agent } = testAgent(api.url);
    const dir = join(stateDir, 'spool');
    api.answer = (_, index) => (index < 3 ? { status: 503 } : undefined);
    await agent.tick();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const [good] = readdirSync(dir);
    const whole = gzipSync(JSON.stringify({ version: 1, id: '00000000-0000-7000-8000-000000000002' }));
    writeFileSync(
      join(dir, '000000000002-00000000-0000-7000-8000-000000000002.json.gz'),
      whole.subarray(0, whole.length - 6),
    );
    writeFileSync(join(dir, '000000000003-00000000-0000-7000-8000-000000000003.json.gz'), 'not gzip at all');
    expect(await shipper.drain()).toBe('empty');
    expect(api.stored.map((s) => s.id)).toEqual([good?.slice(13, 49)]);
    expect(readdirSync(dir)).toEqual([]);
  });
});
