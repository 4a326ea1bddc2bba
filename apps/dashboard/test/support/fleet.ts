import { Direction, TcpState, type SnapshotV1 } from '@tcpfleet/model';
import { buildFleet } from '../../../../bench/src/simulator/fleet';
import { assignIncidents, INCIDENTS } from '../../../../bench/src/simulator/incidents';
import { buildSnapshot } from '../../../../bench/src/simulator/snapshot';
import { enroll, push } from '../../../api/test/support/http';
import { count, snapshot, socket } from '../../../api/test/support/snapshots';

export const SEED = 8;
export const HOSTS = 16;
/** Snapshots per host, ten minutes apart, the last one now: the charts' last two hours. */
export const ROUNDS = 13;
const ROUND_MS = 10 * 60_000;
const CONCURRENCY = 8;

/** Text an attacker controls on a host of their own: it must show as text, never run. */
export const HOSTILE = {
  hostname: 'edge-hostile-01',
  process: '<img src=x onerror="window.__xss=1">',
  label: '<script>window.__xss=2</script>',
  closeWait: 150,
};

/** The current snapshot of every host, as pushed: what the dashboard must show. */
export type Pushed = Map<string, SnapshotV1>;

/**
 * A simulated fleet (bench/src/simulator, every incident on) pushed through the API's REST ingestion
 * round by round, plus one host with hostile text.
 */
export async function pushFleet(base: string, now = Date.now()): Promise<Pushed> {
  const fleet = buildFleet(HOSTS, SEED);
  assignIncidents(fleet, INCIDENTS, SEED);
  const tokens = new Map<string, string>();
  for (const host of fleet) tokens.set(host.hostname, await enroll(base, host.hostname, host.machineId));
  const current: Pushed = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    const at = new Date(now - (ROUNDS - 1 - round) * ROUND_MS);
    const snapshots = fleet.map((host) => buildSnapshot(host, round, at, SEED, { maxSockets: 300 }).snapshot);
    await inBatches(snapshots, async (built) => {
      const answer = await push(base, tokens.get(built.host.hostname) ?? '', built, true);
      if (answer.status !== 200)
        throw new Error(`push ${built.host.hostname}: ${answer.status} ${JSON.stringify(answer.body)}`);
      current.set(built.host.hostname, built);
    });
  }
  current.set(HOSTILE.hostname, await pushHostile(base, HOSTILE.closeWait, new Date(now)));
  return current;
}

/** The hostile host's snapshot with `closeWait` sockets in CLOSE_WAIT on 443, pushed; returns it. */
export async function pushHostile(base: string, closeWait: number, at: Date): Promise<SnapshotV1> {
  const built = hostileSnapshot(closeWait, at);
  const answer = await push(base, await enroll(base, HOSTILE.hostname), built);
  if (answer.status !== 200) throw new Error(`push ${HOSTILE.hostname}: ${answer.status}`);
  return built;
}

function hostileSnapshot(closeWait: number, at: Date): SnapshotV1 {
  const sockets = Array.from({ length: 5 }, (_, i) =>
    socket(TcpState.CLOSE_WAIT, 443, 40000 + i, 4242, HOSTILE.process),
  );
  return snapshot({
    hostname: HOSTILE.hostname,
    collectedAt: at,
    labels: { team: HOSTILE.label },
    counts: [
      count(TcpState.CLOSE_WAIT, 443, HOSTILE.process, closeWait),
      count(TcpState.ESTABLISHED, 443, 'nginx', 12),
      count(TcpState.LISTEN, 443, 'nginx', 1, Direction.INBOUND),
    ],
    sockets,
  });
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY)
    await Promise.all(items.slice(i, i + CONCURRENCY).map(work));
}

/** Each host's count of one state on one service port, either direction: the headline query's count. */
export function countOf(snapshot: SnapshotV1, state: TcpState, port: number): number {
  return snapshot.counts
    .filter((c) => c.state === state && c.port === port)
    .reduce((sum, c) => sum + c.count, 0);
}

/** The hosts the fleet query must list, in the API's default order: count descending, then hostname. */
export function expectedHosts(
  pushed: Pushed,
  state: TcpState,
  port: number,
  over: number,
): [string, number][] {
  return [...pushed.values()]
    .map((s): [string, number] => [s.host.hostname, countOf(s, state, port)])
    .filter(([, n]) => n > over)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** A host's current sockets per state, summed over ports, directions and processes. */
export function stateTotals(snapshot: SnapshotV1): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of snapshot.counts) totals.set(c.state, (totals.get(c.state) ?? 0) + c.count);
  return totals;
}
