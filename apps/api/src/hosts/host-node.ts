import type { CountMatch, HostRow } from './host-query';
import type { Host } from './host.model';

/** A host as resolved, with the socket filter it was found by (not part of the schema). */
export type HostNode = Host & { match: CountMatch | null };

/** The GraphQL host of a row; its fields (counts, findings, ...) resolve from `id` and `match`. */
export function hostNode(row: HostRow, stale: boolean, match: CountMatch | null): HostNode {
  return {
    id: row.hostId,
    hostname: row.hostname,
    os: row.os,
    osVersion: row.osVersion,
    agentVersion: row.agentVersion,
    machineId: row.machineId,
    labels: Object.entries(row.labels)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => ({ key, value })),
    enrolledAt: row.enrolledAt,
    lastSeenAt: row.lastSeenAt,
    stale,
    count: row.count,
    socketCount: row.socketCount,
    match,
  };
}
