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

const SOCKET_LINK = 'socket:[';

/**
 * The inode of a `socket:[inode]` descriptor link (proc(5)), read digit by digit: a busy host
 * has tens of thousands of these, and a substring and a Number() each would be garbage.
 */
export function socketInode(target: string | undefined): number | undefined {
  if (target === undefined || !target.startsWith(SOCKET_LINK)) return undefined;
  const last = target.length - 1;
  if (last <= SOCKET_LINK.length || target.charCodeAt(last) !== 93) return undefined;
  let inode = 0;
  for (let i = SOCKET_LINK.length; i < last; i++) {
    const digit = target.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    inode = inode * 10 + digit;
  }
  return Number.isSafeInteger(inode) ? inode : undefined;
}

/** The inode inside a `type:[inode]` link target, as procfs prints sockets and namespaces. */
export function linkInode(target: string | undefined, type: 'socket' | 'net'): number | undefined {
  if (target === undefined || !target.startsWith(`${type}:[`) || !target.endsWith(']')) return undefined;
  const inode = Number(target.slice(type.length + 2, -1));
  return Number.isSafeInteger(inode) ? inode : undefined;
}
