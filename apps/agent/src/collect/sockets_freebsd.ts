import { parseFreebsdNetstat, parseSockstat, type Socket } from '@tcpfleet/model';
import { reason } from '../errors';
import { attributionOf, connectionKey } from './attribution';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { SocketTable } from './socket_table';

/**
 * FreeBSD: `netstat -an -p tcp` lists every TCP socket with its state, TIME_WAIT included;
 * `sockstat -46 -P tcp` lists only sockets a process holds open, with the owner (sockstat(1)).
 * The states come from netstat; owners are joined on the connection's four fields. A failing
 * sockstat leaves the sockets without owners and says so.
 */
export function freebsdSockets(options: CollectorOptions): SocketCollector {
  return {
    async collect(): Promise<SocketCollection> {
      const parsed = parseFreebsdNetstat(await options.run('netstat', ['-an', '-p', 'tcp']));
      const warnings = parsed.warnings.map((w) => `netstat line ${w.line}: ${w.message}`);
      if (!options.attribution)
        return {
          source: parsed.format,
          sockets: SocketTable.of(parsed.sockets),
          attribution: 'none',
          warnings,
        };
      try {
        const owners = parseSockstat(await options.run('sockstat', ['-46', '-P', 'tcp']));
        adoptOwners(parsed.sockets, owners.sockets);
      } catch (error) {
        warnings.push(`sockstat: ${reason(error)}; sockets have no process`);
        return {
          source: parsed.format,
          sockets: SocketTable.of(parsed.sockets),
          attribution: 'none',
          warnings,
        };
      }
      return {
        source: parsed.format,
        sockets: SocketTable.of(parsed.sockets),
        attribution: attributionOf(parsed.sockets),
        warnings,
      };
    },
  };
}

export function adoptOwners(sockets: Socket[], owned: readonly Socket[]): void {
  const byKey = new Map<string, Socket>();
  for (const socket of owned) if (socket.pid !== undefined) byKey.set(connectionKey(socket), socket);
  for (const socket of sockets) {
    const owner = byKey.get(connectionKey(socket));
    if (!owner) continue;
    socket.pid = owner.pid;
    if (owner.process !== undefined) socket.process = owner.process;
    if (owner.uid !== undefined) socket.uid = owner.uid;
  }
}
