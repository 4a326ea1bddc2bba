import { endianness } from 'node:os';
import { join } from 'node:path';
import { reason } from '../errors';
import { SocketOwners } from './attribution_linux';
import { listenerBacklogs } from './backlog_linux';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { groupByNamespace } from './netns_linux';
import { scanProcFile } from './proc_read_linux';
import { isGone, listPids, readProc } from './proc_linux';
import { SocketTable } from './socket_table';

const byteOrder = endianness() === 'LE' ? 'little' : 'big';

/**
 * Linux: /proc/net/tcp and tcp6 of the agent's own network namespace, then those of every other
 * namespace a process lives in (containers), each read once through one of its processes and its
 * sockets tagged with the namespace. Rows go straight from the kernel's bytes into a SocketTable.
 * Owners come from /proc/<pid>/fd, cached between snapshots. Listener backlogs come from
 * `ss -ltnH`, run only when a listener has connections waiting: an empty queue is never near its
 * backlog, so a healthy host pays nothing for them.
 */
export function linuxSockets(options: CollectorOptions): SocketCollector {
  const owners = new SocketOwners(options.procRoot);
  // Sized from the last collection, so a steady host's table does not grow row by row.
  let lastSize = 0;
  return {
    async collect(): Promise<SocketCollection> {
      const warnings: string[] = [];
      const pids = listPids(options.procRoot);
      const namespaces = groupByNamespace(options.procRoot, pids);
      const expected = lastSize || socketsInUse(options.procRoot);
      const sockets = new SocketTable(expected + (expected >> 3));
      const failures = readTables(options.procRoot, [], undefined, sockets, warnings);
      // Without either table there is nothing to report: fail the collection, not send zeros.
      if (failures.length === 2) throw new Error(failureText(failures).join('; '));
      warnings.push(...failureText(failures));
      for (const namespace of namespaces.others) {
        readNamespace(options.procRoot, namespace.pids, namespace.id, sockets, warnings);
      }
      if (namespaces.hidden > 0) {
        warnings.push(
          `network namespaces of ${namespaces.hidden} processes are not visible; their sockets are read only if another process shares the namespace`,
        );
      }
      lastSize = sockets.size;
      const backlogs = sockets.queuedListeners() > 0 ? await listenerBacklogs(options) : undefined;
      const found = { source: 'linux-proc' as const, sockets, warnings, backlogs };
      if (!options.attribution) return { ...found, attribution: 'none' };
      const lookup = owners.lookup(sockets.inodes(), pids);
      for (let i = 0; i < sockets.size; i++) {
        const owner = lookup.owners.get(sockets.inode(i));
        if (owner) sockets.setOwner(i, owner.pid, owner.process);
      }
      if (lookup.denied > 0)
        warnings.push(
          `descriptors of ${lookup.denied} processes are not readable; their sockets have no process`,
        );
      return { ...found, attribution: lookup.attribution };
    },
  };
}

type Failure = { path: string; error: unknown };

/** tcp and tcp6 under one directory into the table; a missing tcp6 (IPv6 disabled) is a warning, not a failure. */
function readTables(
  procRoot: string,
  dir: readonly string[],
  netns: string | undefined,
  sockets: SocketTable,
  warnings: string[],
): Failure[] {
  const failures: Failure[] = [];
  for (const file of ['tcp', 'tcp6']) {
    const path = join(procRoot, ...dir, 'net', file);
    try {
      const problems = scanProcFile(path, byteOrder, (row) => sockets.add(row, netns));
      for (const problem of problems) warnings.push(`${file} line ${problem.line}: ${problem.message}`);
    } catch (error) {
      failures.push({ path, error });
    }
  }
  return failures;
}

const failureText = (failures: readonly Failure[]): string[] =>
  failures.map(({ path, error }) => `cannot read ${path}: ${reason(error)}`);

/** A namespace's tables through the first of its processes still alive. */
function readNamespace(
  procRoot: string,
  pids: readonly number[],
  netns: string,
  sockets: SocketTable,
  warnings: string[],
): void {
  for (const pid of pids) {
    const failures = readTables(procRoot, [String(pid)], netns, sockets, warnings);
    if (failures.length === 2 && failures.every(({ error }) => isGone(error))) continue;
    warnings.push(...failureText(failures));
    return;
  }
  warnings.push(`network namespace ${netns}: no process left to read its sockets through`);
}

/**
 * How many TCP sockets the agent's namespace holds, from /proc/net/sockstat ("TCP: inuse N ... tw
 * T", IPv4 sockets and timewait ones of both families) and sockstat6 ("TCP6: inuse N"), as
 * net/ipv4/proc.c sockstat_seq_show() and net/ipv6/proc.c sockstat6_seq_show() print them: a size
 * for the first table, which otherwise grows and copies its columns several times. 0 when unknown.
 */
function socketsInUse(procRoot: string): number {
  return (
    sockstat(procRoot, 'sockstat', 'TCP:', 'inuse') +
    sockstat(procRoot, 'sockstat', 'TCP:', 'tw') +
    sockstat(procRoot, 'sockstat6', 'TCP6:', 'inuse')
  );
}

/** One number of a sockstat line (`TCP: inuse 12 orphan 0 tw 3 ...`); 0 when it cannot be read. */
function sockstat(procRoot: string, file: string, line: string, name: string): number {
  try {
    const text = readProc(procRoot, 'net', file);
    const fields = text.slice(text.indexOf(line)).split('\n', 1)[0].split(' ');
    const value = Number(fields[fields.indexOf(name) + 1]);
    return text.includes(line) && fields.includes(name) && Number.isSafeInteger(value) ? value : 0;
  } catch {
    return 0;
  }
}
