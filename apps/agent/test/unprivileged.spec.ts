import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotV1 } from '@tcpfleet/model';

// The bundle, in a directory any user may read: the checkout itself may be closed to others.
const BUNDLE_DIR = mkdtempSync(join(tmpdir(), 'unprivileged-'));
const BUNDLE = join(BUNDLE_DIR, 'tcpfleet-agent.cjs');
const NOBODY = 65534;
// Dropping to another user needs root; on a machine where tests do not run as root they are that user already.
const asRoot = process.platform === 'linux' && process.getuid?.() === 0;

(asRoot ? describe : describe.skip)('once without privileges, on the real /proc', () => {
  let server: Server;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'bundle.mjs'), BUNDLE], {
      stdio: 'pipe',
    });
    chmodSync(BUNDLE_DIR, 0o755);
    server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterAll(() => server.close());

  it('counts the sockets it cannot tie to a process, with no process, and says so', () => {
    const port = (server.address() as AddressInfo).port;
    const result = spawnSync(process.execPath, [BUNDLE, 'once', '--json'], {
      uid: NOBODY,
      gid: NOBODY,
      encoding: 'utf8',
      cwd: BUNDLE_DIR,
      env: { PATH: process.env.PATH },
      // A busy host's snapshot (5000 listed sockets) is larger than the default 1 MB.
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    const snapshot = JSON.parse(result.stdout) as SnapshotV1;
    expect(['partial', 'none']).toContain(snapshot.collector.attribution);
    expect(snapshot.collector.warnings.join('\n')).toMatch(/descriptors of \d+ processes are not readable/);
    const ours = snapshot.sockets.find((s) => s.state === 'LISTEN' && s.localPort === port);
    expect(ours).toBeDefined();
    expect(ours?.pid).toBeUndefined();
    expect(snapshot.counts.some((row) => row.port === port && row.process === null)).toBe(true);
  });
});
