import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROC_TREE } from './fixtures';
import { LoopbackApi } from './support/loopback-api';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

function agent(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

describe('tcpfleet-agent run --once and enroll against a loopback API', () => {
  let api: LoopbackApi;
  let stateDir: string;
  beforeEach(async () => {
    api = new LoopbackApi();
    await api.start();
    stateDir = mkdtempSync(join(tmpdir(), 'state-'));
  });
  afterEach(() => api.stop());

  const env = () => ({
    TCPFLEET_SERVER: api.url,
    TCPFLEET_ENROLL_SECRET: LoopbackApi.SECRET,
    TCPFLEET_STATE_DIR: stateDir,
    TCPFLEET_PROC_ROOT: PROC_TREE,
    TCPFLEET_HOSTNAME: 'web-1',
  });

  it('enrols on first run, keeps the token with mode 0600, and pushes one snapshot', async () => {
    const result = await agent(['run', '--once'], env());
    expect(result.status).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/v1/enroll', '/v1/snapshots']);
    expect(JSON.parse(api.requests[0]?.body ?? '')).toMatchObject({ hostname: 'web-1' });
    const token = join(stateDir, 'token.json');
    expect(statSync(token).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(token, 'utf8'))).toMatchObject({
      token: LoopbackApi.TOKEN,
      hostname: 'web-1',
    });
    expect(api.stored[0]?.host.hostname).toBe('web-1');
    // Plain http to loopback is no exposure, so no warning.
    expect(result.stderr).not.toMatch(/plain http/);
    // JSON lines on stderr when it is not a terminal.
    for (const line of result.stderr.trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('level');
  });

  it('uses the stored token the next time, without the enrolment secret', async () => {
    await agent(['enroll'], env());
    const { TCPFLEET_ENROLL_SECRET: _, ...withoutSecret } = env();
    const result = await agent(['run', '--once'], withoutSecret);
    expect(result.status).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/v1/enroll', '/v1/snapshots']);
  });

  it('exits 75 with the snapshot spooled when the API answers 503', async () => {
    await agent(['enroll'], env());
    api.answer = (request) =>
      request.path === '/v1/snapshots' ? { status: 503, headers: { 'Retry-After': '0' } } : undefined;
    const result = await agent(['run', '--once'], env());
    expect(result.status).toBe(75);
    expect(api.requests.filter((r) => r.path === '/v1/snapshots').length).toBeGreaterThan(1);
  }, 60_000);

  it('fails enrolment with the server reason for a wrong secret', async () => {
    const result = await agent(['enroll'], { ...env(), TCPFLEET_ENROLL_SECRET: 'wrong' });
    expect(result.status).toBe(69);
    expect(result.stderr).toMatch(/enrolment refused .*status 401: unauthorized: wrong enrolment secret/);
  });
});
