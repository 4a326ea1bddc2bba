import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from '../errors';

/**
 * Small synchronous procfs readers. Synchronous on purpose: procfs files are generated in memory,
 * never block on a disk, and tens of thousands of readlink calls cost less without a promise each.
 */
export function readProc(procRoot: string, ...path: string[]): string {
  return readFileSync(join(procRoot, ...path), 'utf8');
}

/** The process ids under the proc root, highest first: newer processes own the newer sockets. */
export function listPids(procRoot: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync(procRoot)) if (/^\d+$/.test(name)) pids.push(Number(name));
  return pids.sort((a, b) => b - a);
}

/** readlink that answers undefined when the process went away or we may not look (EACCES). */
export function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch (error) {
    if (isGone(error) || isDenied(error)) return undefined;
    throw error;
  }
}

/** A process can exit between listing /proc and reading it: that is not an error. */
export function isGone(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ESRCH' || code === 'ENOTDIR';
}

/** Without CAP_SYS_PTRACE or CAP_DAC_READ_SEARCH, other users' fd and ns links are closed to us. */
export function isDenied(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EACCES' || code === 'EPERM';
}

/** The short command name of a process (/proc/<pid>/comm, at most 15 characters: TASK_COMM_LEN). */
export function commOf(procRoot: string, pid: number): string | undefined {
  try {
    return readProc(procRoot, String(pid), 'comm').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The inode inside a `type:[inode]` link target, as procfs prints sockets and namespaces. */
export function linkInode(target: string | undefined, type: 'socket' | 'net'): number | undefined {
  if (target === undefined || !target.startsWith(`${type}:[`) || !target.endsWith(']')) return undefined;
  const inode = Number(target.slice(type.length + 2, -1));
  return Number.isSafeInteger(inode) ? inode : undefined;
}
