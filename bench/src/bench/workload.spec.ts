import { countRows } from '../../../apps/api/src/snapshots/count-rows';
import { buildFleet } from '../simulator/fleet';
import { assignIncidents, INCIDENTS } from '../simulator/incidents';
import { buildSnapshot } from '../simulator/snapshot';
import { storedRows } from './workload';

describe('storedRows', () => {
  it('gives the rows the API stores for each snapshot, pids included', () => {
    const hosts = buildFleet(40, 2);
    assignIncidents(hosts, INCIDENTS, 2);
    for (const host of hosts) {
      const { snapshot } = buildSnapshot(host, 1, new Date('2026-11-21T10:00:00Z'), 2, { maxSockets: 150 });
      const rows = storedRows(snapshot.counts, snapshot.sockets);
      expect(rows).toEqual(countRows(snapshot.counts, snapshot.sockets));
      expect(rows.some((row) => row.pid !== null)).toBe(true);
    }
  });
});
