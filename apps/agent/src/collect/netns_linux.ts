import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isDenied, isGone, linkInode } from './proc_linux';

/** The processes of one network namespace other than the host's. */
export interface Namespace {
  /** The namespace's inode, as /proc/<pid>/ns/net names it (`net:[4026532200]`). */
  id: string;
  pids: number[];
}

export interface Namespaces {
  /** The agent's own namespace (/proc/self/ns/net): its sockets are read from <proc>/net. */
  host: string | undefined;
  others: Namespace[];
  /** Processes whose namespace we may not see (ns links need ptrace access, proc(5)). */
  hidden: number;
}

/**
 * Groups processes by network namespace, so each namespace's socket table is read once through one
 * of its processes (/proc/<pid>/net/tcp shows the table of that process's namespace, proc(5)),
 * not once per process.
 */
export function groupByNamespace(procRoot: string, pids: readonly number[]): Namespaces {
  const own = namespaceOf(procRoot, 'self');
  const host = own === 'denied' ? undefined : own;
  const groups = new Map<string, number[]>();
  let hidden = 0;
  for (const pid of pids) {
    const id = namespaceOf(procRoot, String(pid));
    if (id === 'denied') hidden++;
    else if (id !== undefined && id !== host) groups.set(id, [...(groups.get(id) ?? []), pid]);
  }
  const others = [...groups].map(([id, members]) => ({ id, pids: members }));
  return { host, others, hidden };
}

/** The namespace id; undefined for a process that exited (or a zombie, which has no namespaces). */
function namespaceOf(procRoot: string, pid: string): string | 'denied' | undefined {
  let target: string;
  try {
    target = readlinkSync(join(procRoot, pid, 'ns', 'net'));
  } catch (error) {
    if (isDenied(error)) return 'denied';
    if (isGone(error)) return undefined;
    throw error;
  }
  const inode = linkInode(target, 'net');
  return inode === undefined ? undefined : String(inode);
}
