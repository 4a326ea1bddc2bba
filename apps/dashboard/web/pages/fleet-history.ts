import type { Api } from '../api';
import type { Point, Window } from '../history';
import { FLEET_HISTORY, type FleetHistoryData } from '../queries';

export interface FleetHistory {
  /** Each state's sockets across the fleet: the mean of each step. */
  series: Map<string, Point[]>;
  /** The most hosts reporting at once in the window; 0 when the API has no history of it yet. */
  hosts: number;
}

/**
 * Each state's sockets across the whole fleet over a window, in one request: the API writes the fleet
 * totals every minute (its fleet history), so every reporting host is counted, however many there are.
 */
export async function loadFleetHistory(
  api: Api,
  states: readonly string[],
  window: Window,
): Promise<FleetHistory> {
  if (states.length === 0) return { series: new Map(), hosts: 0 };
  const data = await api.query<FleetHistoryData>(FLEET_HISTORY, {
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    step: window.stepSeconds,
    states,
  });
  const series = new Map(
    data.fleetHistory.states.map(({ state, points }) => [
      state,
      points.map((point) => ({ at: Date.parse(point.at), value: point.averageSockets })),
    ]),
  );
  return { series, hosts: Math.max(0, ...data.fleetHistory.reporting.map((point) => point.hosts)) };
}
