import { join } from 'node:path';
import { SocketOwners } from './attribution_linux';
import { listenerBacklogs } from './backlog_linux';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { groupByNamespace, type Namespace, type Namespaces } from './netns_linux';
import { isGone, listPids, readProc } from './proc_linux';
import { SocketTable } from './socket_table';
import { failureText, TableReads, type Failure, type TableFile } from './tables_linux';

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
      const inUse = socketsInUse(options.procRoot);
      const expected = lastSize || inUse.ipv4 + inUse.ipv6 + inUse.timeWait;
      const sockets = new SocketTable(expected + (expected >> 3));
      await readTables(options.procRoot, namespaces, inUse, sockets, warnings);
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

const TABLES = ['tcp', 'tcp6'] as const;

/**
 * The host's tables, then every other namespace's, into the table. The host's larger table is read
 * on this thread; the others are started first, through the thread pool, so their walks of the
 * socket hash overlap it. A missing tcp6 (IPv6 disabled) is a warning; without either host table
 * there is nothing to report, and the collection fails rather than send zeros.
 */
async function readTables(
  procRoot: string,
  namespaces: Namespaces,
  inUse: InUse,
  sockets: SocketTable,
  warnings: string[],
): Promise<void> {
  const reads = new TableReads(sockets, warnings);
  const [near, far] = (inUse.ipv6 > inUse.ipv4 ? [...TABLES].reverse() : TABLES).map((name): TableFile => ({
    path: join(procRoot, 'net', name),
    name,
    netns: undefined,
  }));
  const farFailure = reads.start(far);
  if (farFailure) reads.failures.push(farFailure);
  const unread = namespaces.others.filter((namespace) => !startNamespace(procRoot, namespace, reads));
  reads.readNow(near);
  await reads.finish();
  const host = reads.failures.filter(({ file }) => file.netns === undefined);
  if (host.length === TABLES.length) throw new Error(host.map(failureText).join('; '));
  warnings.push(...reads.failures.map(failureText));
  for (const { id } of unread)
    warnings.push(`network namespace ${id}: no process left to read its sockets through`);
  if (namespaces.hidden > 0) {
    warnings.push(
      `network namespaces of ${namespaces.hidden} processes are not visible; their sockets are read only if another process shares the namespace`,
    );
  }
}

/** Starts a namespace's tables through the first of its processes still alive; false when none is. */
function startNamespace(procRoot: string, namespace: Namespace, reads: TableReads): boolean {
  for (const pid of namespace.pids) {
    const failures: Failure[] = [];
    for (const name of TABLES) {
      const failure = reads.start({
        path: join(procRoot, String(pid), 'net', name),
        name,
        netns: namespace.id,
      });
      if (failure) failures.push(failure);
    }
    if (failures.length === TABLES.length && failures.every(({ error }) => isGone(error))) continue;
    reads.failures.push(...failures);
    return true;
  }
  return false;
}

interface InUse {
  ipv4: number;
  ipv6: number;
  /** TIME_WAIT sockets of both families. */
  timeWait: number;
}

/**
 * How many TCP sockets the agent's namespace holds, from /proc/net/sockstat ("TCP: inuse N ... tw
 * T", IPv4 sockets and timewait ones of both families) and sockstat6 ("TCP6: inuse N"), as
 * net/ipv4/proc.c sockstat_seq_show() and net/ipv6/proc.c sockstat6_seq_show() print them: which
 * host table is the larger, and a size for the first SocketTable, which otherwise grows and copies
 * its columns several times. 0 for each number that cannot be read.
 */
function socketsInUse(procRoot: string): InUse {
  return {
    ipv4: sockstat(procRoot, 'sockstat', 'TCP:', 'inuse'),
    ipv6: sockstat(procRoot, 'sockstat6', 'TCP6:', 'inuse'),
    timeWait: sockstat(procRoot, 'sockstat', 'TCP:', 'tw'),
  };
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
