import { TcpState, type WireDestination, type WireListener } from '@tcpfleet/model';

/** What the fleet-wide findings read first about a host's listeners and destinations (migration 0003). */
export interface PeerSummary {
  /** The highest acceptQueue / max(1, backlog) over listeners with a backlog. */
  fullestListener: number | null;
  /** The longest accept queue over listeners without a backlog. */
  longestQueue: number | null;
  busiestDestination: number | null;
  busiestSynSent: number | null;
}

const most = (values: number[]): number | null => (values.length === 0 ? null : Math.max(...values));

/**
 * The maxima the candidate query compares with the thresholds. A backlog of 0 counts as 1: the
 * backlog rule calls one waiting connection on such a listener full, and so does a share of 1.
 */
export function peerSummary(
  listeners: readonly WireListener[] | undefined,
  destinations: readonly WireDestination[] | undefined,
): PeerSummary {
  const known = (listeners ?? []).filter((listener) => listener.backlog !== undefined);
  const unknown = (listeners ?? []).filter((listener) => listener.backlog === undefined);
  return {
    fullestListener: most(known.map((l) => l.acceptQueue / Math.max(1, l.backlog ?? 0))),
    longestQueue: most(unknown.map((l) => l.acceptQueue)),
    busiestDestination: most((destinations ?? []).map((d) => d.count)),
    busiestSynSent: most((destinations ?? []).map((d) => d.states[TcpState.SYN_SENT] ?? 0)),
  };
}
