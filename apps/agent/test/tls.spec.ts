import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caFile } from '../src/config/ca';
import { writeToken } from '../src/deliver/token';
import { PROC_TREE } from './fixtures';
import { testAgent } from './support/agent';
import { makeCertificates, type TestCertificates } from './support/certs';
import { LoopbackApi } from './support/loopback-api';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

/** The reasons the test agent logged for requests that did not go through. */
const failures = (logs: string[]) =>
  logs.map((line) => JSON.parse(line) as { msg: string; reason?: string }).filter((l) => l.reason);

let certs: TestCertificates;
beforeAll(() => {
  certs = makeCertificates();
});

describe('delivery over HTTPS to a server signed by a private CA', () => {
  let api: LoopbackApi;
  beforeEach(async () => {
    api = new LoopbackApi({ key: certs.serverKey, cert: certs.serverCert });
    await api.start();
  });
  afterEach(() => api.stop());

  it('delivers when the CA file holds that CA', async () => {
    const { agent, spool } = testAgent(api.url, { ca: caFile(certs.caPem) });
    expect(await agent.tick()).toBe('delivered');
    expect(await agent.tick()).toBe('delivered');
    expect(api.stored).toHaveLength(2);
    expect(spool.size).toBe(0);
  });

  it('keeps the snapshot in the spool, naming certificate verification, when the CA file holds another CA', async () => {
    const wrong = testAgent(api.url, { ca: caFile(certs.otherCaPem) });
    expect(await wrong.agent.tick()).toBe('spooled');
    expect(api.requests).toHaveLength(0);
    expect(wrong.spool.size).toBe(1);
    const [failure] = failures(wrong.logs);
    expect(failure?.reason).toMatch(
      /^TLS certificate verification failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: /,
    );
    expect(failure?.reason).toContain(`checked against the CA file ${certs.otherCaPem}`);
    // Nothing is lost: with the right CA the spooled snapshot goes first, then the new one.
    const spooled = wrong.spool.names().map((name) => name.slice(13, 49));
    const right = testAgent(api.url, { ca: caFile(certs.caPem), stateDir: wrong.stateDir });
    expect(await right.agent.tick()).toBe('delivered');
    expect(api.stored.map((s) => s.id).slice(0, 1)).toEqual(spooled);
    expect(api.stored).toHaveLength(2);
    expect(right.spool.size).toBe(0);
  });

  it("refuses it with Node's bundled CAs alone", async () => {
    const { agent, spool, logs } = testAgent(api.url);
    expect(await agent.tick()).toBe('spooled');
    expect(api.requests).toHaveLength(0);
    expect(spool.size).toBe(1);
    expect(failures(logs)[0]?.reason).toMatch(/^TLS certificate verification failed .*--ca-file/);
  });
});

describe('delivery over HTTPS to a self-signed server', () => {
  let api: LoopbackApi;
  beforeEach(async () => {
    api = new LoopbackApi({ key: certs.selfSignedKey, cert: certs.selfSignedCert });
    await api.start();
  });
  afterEach(() => api.stop());

  it('fails with no CA file: verification is on by default', async () => {
    const { agent, spool, logs } = testAgent(api.url);
    expect(await agent.tick()).toBe('spooled');
    expect(api.requests).toHaveLength(0);
    expect(spool.size).toBe(1);
    expect(failures(logs)[0]?.reason).toMatch(
      /^TLS certificate verification failed \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\)/,
    );
  });
});

describe('tcpfleet-agent over HTTPS', () => {
  let api: LoopbackApi;
  let stateDir: string;
  beforeEach(async () => {
    api = new LoopbackApi({ key: certs.serverKey, cert: certs.serverCert });
    await api.start();
    stateDir = mkdtempSync(join(tmpdir(), 'state-'));
  });
  afterEach(() => api.stop());

  const env = (extra: NodeJS.ProcessEnv = {}) => ({
    TCPFLEET_SERVER: api.url,
    TCPFLEET_ENROLL_SECRET: LoopbackApi.SECRET,
    TCPFLEET_STATE_DIR: stateDir,
    TCPFLEET_PROC_ROOT: PROC_TREE,
    TCPFLEET_HOSTNAME: 'web-1',
    ...extra,
  });
  /** A stored token, so `run` sends at once instead of waiting to enrol. */
  const enrolled = () =>
    writeToken(stateDir, {
      hostId: 'host-1',
      hostname: 'web-1',
      token: LoopbackApi.TOKEN,
      server: api.url,
      enrolledAt: new Date().toISOString(),
    });

  it('enrols and delivers trusting only the CA file', async () => {
    const result = await cli(['run', '--once', '--ca-file', certs.caPem], env());
    expect(result.status).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/v1/enroll', '/v1/snapshots']);
    expect(JSON.parse(readFileSync(join(stateDir, 'token.json'), 'utf8')).token).toBe(LoopbackApi.TOKEN);
  });

  it('refuses to enrol with a server its CA file does not vouch for', async () => {
    const result = await cli(['enroll', '--ca-file', certs.otherCaPem], env());
    expect(result.status).toBe(69);
    expect(result.stderr).toMatch(/cannot reach .* to enrol: TLS certificate verification failed/);
    expect(api.requests).toHaveLength(0);
  }, 60_000);

  it('lets the CA file replace NODE_EXTRA_CA_CERTS, which alone would have been trusted', async () => {
    enrolled();
    const extra = { NODE_EXTRA_CA_CERTS: certs.caPem };
    const pinned = await cli(['run', '--once'], env({ ...extra, TCPFLEET_CA_FILE: certs.otherCaPem }));
    expect(pinned.status).toBe(75);
    expect(pinned.stderr).toMatch(/TLS certificate verification failed/);
    expect(api.requests).toHaveLength(0);
    const added = await cli(['run', '--once'], env(extra));
    expect(added.status).toBe(0);
    expect(api.stored).toHaveLength(2);
  }, 60_000);

  it('verifies even when NODE_TLS_REJECT_UNAUTHORIZED=0 is set', async () => {
    enrolled();
    const result = await cli(['run', '--once'], env({ NODE_TLS_REJECT_UNAUTHORIZED: '0' }));
    expect(result.status).toBe(75);
    expect(result.stderr).toMatch(/TLS certificate verification failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    expect(api.requests).toHaveLength(0);
  }, 60_000);

  it('stops at start with exit 78 when the CA file is not a certificate', async () => {
    const missing = await cli(['run', '--once'], env({ TCPFLEET_CA_FILE: join(stateDir, 'none.pem') }));
    expect(missing.status).toBe(78);
    expect(missing.stderr).toMatch(/bad setting TCPFLEET_CA_FILE: cannot read .*none.pem: ENOENT/);
    const key = join(certs.dir, 'server.key');
    const notCert = await cli(['enroll', '--ca-file', key], env());
    expect(notCert.status).toBe(78);
    expect(notCert.stderr).toMatch(/bad setting --ca-file: .*server.key holds no PEM certificate/);
    expect(api.requests).toHaveLength(0);
  });
});
