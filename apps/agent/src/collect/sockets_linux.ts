import { endianness } from 'node:os';
import { join } from 'node:path';
import { parseProcNetTcp, type Socket } from '@tcpfleet/model';
import { reason } from '../errors';
import { SocketOwners } from './attribution_linux';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { groupByNamespace } from './netns_linux';
import { isGone, listPids, readProc } from './proc_linux';

const byteOrder = endianness() === 'LE' ? 'little' : 'big';

/**
 * Linux: /proc/net/tcp and tcp6 of the agent's own network namespace, then those of every other
 * namespace a process lives in (containers), each read once through one of its processes and its
 * sockets tagged with the namespace. Owners come from /proc/<pid>/fd, cached between snapshots.
 */
export function linuxSockets(options: CollectorOptions): SocketCollector {
  const owners = new SocketOwners(options.procRoot);
  return {
    async collect(): Promise<SocketCollection> {
      const warnings: string[] = [];
      const pids = listPids(options.procRoot);
      const namespaces = groupByNamespace(options.procRoot, pids);
      const own = readTables(options.procRoot, [], undefined, warnings);
      // Without either table there is nothing to report: fail the collection, not send zeros.
      if (own.failures.length === 2) throw new Error(failureText(own).join('; '));
      warnings.push(...failureText(own));
      const sockets = own.sockets;
      for (const namespace of namespaces.others) {
        const read = readNamespace(options.procRoot, namespace.pids, namespace.id, warnings);
        for (const socket of read) sockets.push(socket);
      }
      if (namespaces.hidden > 0) {
        warnings.push(
          `network namespaces of ${namespaces.hidden} processes are not visible; their sockets are read only if another process shares the namespace`,
        );
      }
      if (!options.attribution) return { source: 'linux-proc', sockets, attribution: 'none', warnings };
      const lookup = owners.lookup(inodesOf(sockets), pids);
      for (const socket of sockets) {
        const owner = socket.inode === undefined ? undefined : lookup.owners.get(socket.inode);
        if (owner) Object.assign(socket, owner.process === undefined ? { pid: owner.pid } : owner);
      }
      if (lookup.denied > 0)
        warnings.push(
          `descriptors of ${lookup.denied} processes are not readable; their sockets have no process`,
        );
      return { source: 'linux-proc', sockets, attribution: lookup.attribution, warnings };
    },
  };
}

interface Tables {
  sockets: Socket[];
  /** Files that could not be read, with the error. */
  failures: { path: string; error: unknown }[];
}

/** tcp and tcp6 under one directory; a missing tcp6 (IPv6 disabled) is a warning, not a failure. */
function readTables(
  procRoot: string,
  dir: readonly string[],
  netns: string | undefined,
  warnings: string[],
): Tables {
  const tables: Tables = { sockets: [], failures: [] };
  for (const file of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readProc(procRoot, ...dir, 'net', file);
    } catch (error) {
      tables.failures.push({ path: join(procRoot, ...dir, 'net', file), error });
      continue;
    }
    const parsed = parseProcNetTcp(text, { byteOrder });
    for (const warning of parsed.warnings) warnings.push(`${file} line ${warning.line}: ${warning.message}`);
    for (const socket of parsed.sockets)
      tables.sockets.push(netns === undefined ? socket : { ...socket, netns });
  }
  return tables;
}

const failureText = (tables: Tables): string[] =>
  tables.failures.map(({ path, error }) => `cannot read ${path}: ${reason(error)}`);

/** A namespace's tables through the first of its processes still alive. */
function readNamespace(
  procRoot: string,
  pids: readonly number[],
  netns: string,
  warnings: string[],
): Socket[] {
  for (const pid of pids) {
    const tables = readTables(procRoot, [String(pid)], netns, warnings);
    if (tables.failures.length === 2 && tables.failures.every(({ error }) => isGone(error))) continue;
    warnings.push(...failureText(tables));
    return tables.sockets;
  }
  warnings.push(`network namespace ${netns}: no process left to read its sockets through`);
  return [];
}

function inodesOf(sockets: readonly Socket[]): Set<number> {
  const inodes = new Set<number>();
  for (const socket of sockets)
    if (socket.inode !== undefined && socket.inode !== 0) inodes.add(socket.inode);
  return inodes;
}
