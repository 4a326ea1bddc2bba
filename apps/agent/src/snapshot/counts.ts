import { summarise, type PortRange, type Socket, type SocketCount } from '@tcpfleet/model';

/**
 * Counts per network namespace, then merged: a container listening on 5432 makes 5432 a service
 * port inside its namespace only, so each namespace's direction rule uses its own listeners.
 */
export function countSockets(sockets: readonly Socket[], ephemeralRange: PortRange): SocketCount[] {
  const byNamespace = new Map<string, Socket[]>();
  for (const socket of sockets) {
    const key = socket.netns ?? '';
    const group = byNamespace.get(key);
    if (group) group.push(socket);
    else byNamespace.set(key, [socket]);
  }
  const groups = [...byNamespace.values()];
  if (groups.length <= 1) return summarise(sockets, { ephemeralRange });
  const merged = new Map<string, SocketCount>();
  for (const group of groups) {
    for (const row of summarise(group, { ephemeralRange })) {
      const key = JSON.stringify([row.state, row.direction, row.port, row.process]);
      const known = merged.get(key);
      if (known) known.count += row.count;
      else merged.set(key, { ...row });
    }
  }
  // In summarise's own order: state, direction, port, then process.
  return [...merged.values()].sort(byKey);
}

function byKey(a: SocketCount, b: SocketCount): number {
  return (
    text(a.state, b.state) ||
    text(a.direction, b.direction) ||
    a.port - b.port ||
    text(a.process ?? '', b.process ?? '') ||
    Number(a.process !== null) - Number(b.process !== null)
  );
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
