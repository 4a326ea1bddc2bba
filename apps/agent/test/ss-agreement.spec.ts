import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveStateName, type Socket } from '@tcpfleet/model';
import { linuxSockets } from '../src/collect/sockets_linux';
import { linuxOptions } from './fixtures';
import { openKnownStates, type OpenSockets } from './support/loopback-sockets';

const run = promisify(execFile);
// iproute2's ss is the oracle; without it (not Linux, or a minimal image) there is nothing to compare with.
const linux = process.platform === 'linux' && spawnSync('ss', ['-V']).status === 0;

/** `ss -tan` read by hand here, so the oracle shares no code with the collector under test. */
async function ssCounts(ports: readonly number[]): Promise<Record<string, number>> {
  // A busy host lists more than the default 1 MB.
  const { stdout } = await run('ss', ['-tan'], { maxBuffer: 256 * 1024 * 1024 });
  const counts: Record<string, number> = {};
  for (const line of stdout.split('\n').slice(1)) {
    const [state, , , local, peer] = line.trim().split(/\s+/);
    if (!state || !local || !peer) continue;
    const portOf = (endpoint: string) => Number(endpoint.slice(endpoint.lastIndexOf(':') + 1));
    if (!ports.includes(portOf(local)) && !ports.includes(portOf(peer))) continue;
    const [canonical] = resolveStateName(state);
    if (canonical) counts[canonical] = (counts[canonical] ?? 0) + 1;
  }
  return counts;
}

function collectorCounts(sockets: readonly Socket[], ports: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of sockets) {
    if (s.netns !== undefined || (!ports.includes(s.localPort) && !ports.includes(s.remotePort))) continue;
    counts[s.state] = (counts[s.state] ?? 0) + 1;
  }
  return counts;
}

(linux ? describe : describe.skip)('the Linux collector against ss -tan on real loopback sockets', () => {
  let open: OpenSockets;
  beforeAll(async () => {
    open = await openKnownStates();
    // Wait for the kernel to finish the closes: every state the test opened must be visible.
    for (let i = 0; i < 50; i++) {
      const seen = await ssCounts(open.ports);
      if (Object.entries(open.expected).every(([state, n]) => seen[state] === n)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => open.close());

  it('agrees with ss on every state, read at the same moment', async () => {
    const [collection, ss] = await Promise.all([
      linuxSockets(linuxOptions('/proc')).collect(),
      ssCounts(open.ports),
    ]);
    const ours = collectorCounts(collection.sockets.all(), open.ports);
    expect(ours).toEqual(ss);
    expect(ours).toEqual(open.expected);
  });

  it('names this test process as the owner of the sockets it holds', async () => {
    const collection = await linuxSockets(linuxOptions('/proc')).collect();
    const held = collection.sockets
      .all()
      .filter((s) => s.state === 'LISTEN' && open.ports.includes(s.localPort));
    expect(held.map((s) => s.pid)).toEqual([process.pid, process.pid]);
  });
});
