import type { Api } from '../api';
import { sumSeries, type HistoryPoint, type Point, type Window } from '../history';
import { fleetHistoryQuery, type HistoryNode, type PageInfo } from '../queries';

/**
 * Hosts per request and requests per chart. The API prices each host's history (see its query limits),
 * so a page of 40 hosts stays within the cost limit with every state charted.
 */
const HOSTS_PER_PAGE = 40;
const MAX_PAGES = 5;

export interface FleetHistory {
  series: Map<string, Point[]>;
  /** Hosts whose history is in the sums. */
  hosts: number;
  /** More hosts report than the sums cover (the busiest ones are summed). */
  partial: boolean;
}

/**
 * Each state's count across the fleet over a window: the sum of the busiest hosts' histories, read a
 * page at a time. The API has no fleet-wide history yet, so the sum covers at most 200 hosts.
 */
export async function loadFleetHistory(
  api: Api,
  states: readonly string[],
  window: Window,
): Promise<FleetHistory> {
  const query = fleetHistoryQuery(states, HOSTS_PER_PAGE);
  const perState: HistoryPoint[][][] = states.map(() => []);
  let after: string | null = null;
  let hosts = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: { hosts: { nodes: HistoryNode[]; pageInfo: PageInfo } } = await api.query(query, {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      step: window.stepSeconds,
      after,
    });
    for (const node of data.hosts.nodes) states.forEach((_, i) => perState[i].push(node[`s${i}`] ?? []));
    hosts += data.hosts.nodes.length;
    after = data.hosts.pageInfo.endCursor;
    if (!data.hosts.pageInfo.hasNextPage)
      return { series: seriesOf(states, perState), hosts, partial: false };
  }
  return { series: seriesOf(states, perState), hosts, partial: true };
}

function seriesOf(states: readonly string[], perState: HistoryPoint[][][]): Map<string, Point[]> {
  return new Map(states.map((state, i) => [state, sumSeries(perState[i])]));
}
