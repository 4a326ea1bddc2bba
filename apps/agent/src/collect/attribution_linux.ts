import { opendirSync, type Dir, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { processName } from '../snapshot/wire';
import type { Attribution } from './collector';
import { commOf, isDenied, isGone, readLink, socketInode } from './proc_linux';

export interface Owner {
  pid: number;
  process?: string;
}

/** Owners by socket inode, for the inodes of one lookup. */
export interface Owners {
  get(inode: number): Owner | undefined;
  /** How many of the inodes have an owner. */
  readonly size: number;
}

export interface OwnerLookup {
  owners: Owners;
  attribution: Attribution;
  /** Processes whose descriptors we may not read. */
  denied: number;
  /** Descriptor links read in this lookup: the work the cache saves. */
  linksRead: number;
}

// Slots of `owner` that hold no index into `list`.
const UNKNOWN = -1;
const UNOWNED = -2;

/**
 * Ties socket inodes to processes through /proc/<pid>/fd/* links, which read `socket:[<inode>]`
 * (proc(5)). Owners are kept between snapshots; only inodes not seen before send us walking the
 * descriptors again, and the walk stops as soon as every new inode has an owner. Inodes a whole
 * walk could not place (kernel-held sockets, processes we may not read) are remembered as such, so
 * they do not cost a walk per snapshot. The inodes are kept sorted in a typed array with an owner
 * number beside each: tens of thousands of sockets cost a few hundred kilobytes and no hash table.
 */
export class SocketOwners {
  private inodes: Float64Array = new Float64Array(0);
  private owner: Int32Array = new Int32Array(0);
  private list: Owner[] = [];
  private denied = 0;

  constructor(private readonly procRoot: string) {}

  lookup(inodes: Iterable<number>, pids: readonly number[]): OwnerLookup {
    const current = sortedUnique(inodes);
    const missing = this.carryOver(current, new Set(pids));
    const linksRead = missing > 0 ? this.walk(pids, missing) : 0;
    let owned = 0;
    for (const slot of this.owner) if (slot >= 0) owned++;
    let attribution: Attribution = 'full';
    if (owned < current.length && this.denied > 0) attribution = owned > 0 ? 'partial' : 'none';
    const owners: Owners = { get: (inode) => this.ownerOf(inode), size: owned };
    return { owners, attribution, denied: this.denied, linksRead };
  }

  private ownerOf(inode: number): Owner | undefined {
    const at = indexOf(this.inodes, inode);
    const slot = at < 0 ? UNKNOWN : this.owner[at];
    return slot >= 0 ? this.list[slot] : undefined;
  }

  /**
   * Keeps what the last lookup knew of the inodes still open, forgetting owners that exited;
   * returns how many inodes are left to find.
   */
  private carryOver(current: Float64Array, alive: ReadonlySet<number>): number {
    const owner = new Int32Array(current.length).fill(UNKNOWN);
    const list: Owner[] = [];
    const renumber = new Map<number, number>();
    let missing = 0;
    for (let i = 0, j = 0; i < current.length; i++) {
      while (j < this.inodes.length && this.inodes[j] < current[i]) j++;
      const old = j < this.inodes.length && this.inodes[j] === current[i] ? this.owner[j] : UNKNOWN;
      if (old === UNOWNED) owner[i] = UNOWNED;
      else if (old >= 0 && alive.has(this.list[old].pid)) {
        let slot = renumber.get(old);
        if (slot === undefined) renumber.set(old, (slot = list.push(this.list[old]) - 1));
        owner[i] = slot;
      } else missing++;
    }
    this.inodes = current;
    this.owner = owner;
    this.list = list;
    return missing;
  }

  /** Reads descriptor links, newest process first, until every missing inode has an owner. */
  private walk(pids: readonly number[], missing: number): number {
    const walk = { linksRead: 0, missing };
    let denied = 0;
    for (const pid of pids) {
      const fds = this.descriptors(pid);
      if (fds === 'denied') denied++;
      if (typeof fds !== 'object') continue;
      try {
        this.adopt(pid, fds, walk);
      } finally {
        fds.closeSync();
      }
      if (walk.missing === 0) return walk.linksRead;
    }
    // Only a complete walk tells how many processes were closed to us.
    this.denied = denied;
    for (let i = 0; i < this.owner.length; i++) if (this.owner[i] === UNKNOWN) this.owner[i] = UNOWNED;
    return walk.linksRead;
  }

  /**
   * A process's descriptor directory, read a few entries at a time: a process may hold tens of
   * thousands of descriptors, and their names as one array outlive a young-generation collection.
   */
  private descriptors(pid: number): Dir | 'denied' | 'gone' {
    try {
      return opendirSync(join(this.procRoot, String(pid), 'fd'), { bufferSize: 128 });
    } catch (error) {
      if (isDenied(error)) return 'denied';
      if (isGone(error)) return 'gone';
      throw error;
    }
  }

  /** Owns the inodes still unknown among one process's links, until none is missing. */
  private adopt(pid: number, fds: Dir, walk: { linksRead: number; missing: number }): void {
    // Plain concatenation: path.join per link cost more than the readlink call itself.
    const dir = `${this.procRoot}/${pid}/fd/`;
    let slot = UNKNOWN;
    for (let fd = readEntry(fds); fd !== null && walk.missing > 0; fd = readEntry(fds)) {
      walk.linksRead++;
      const inode = socketInode(readLink(dir + fd.name));
      const at = inode === undefined ? -1 : indexOf(this.inodes, inode);
      if (at < 0 || this.owner[at] !== UNKNOWN) continue;
      if (slot === UNKNOWN) slot = this.list.push({ pid, process: nameOf(commOf(this.procRoot, pid)) }) - 1;
      this.owner[at] = slot;
      walk.missing--;
    }
  }
}

/** The next entry of a descriptor directory; null at its end or once the process has exited. */
function readEntry(fds: Dir): Dirent | null {
  try {
    return fds.readSync();
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

/** The inodes sorted, without repeats and without 0 (no inode). */
function sortedUnique(inodes: Iterable<number>): Float64Array {
  // A typed array copies in one step; Float64Array.from would walk it through its iterator.
  const sorted = inodes instanceof Float64Array ? inodes.slice() : Float64Array.from(inodes);
  sorted.sort();
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] !== 0 && (kept === 0 || sorted[i] !== sorted[kept - 1])) sorted[kept++] = sorted[i];
  }
  return sorted.slice(0, kept);
}

/** Binary search: the index of `inode` in the sorted array, or -1. */
function indexOf(sorted: Float64Array, inode: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < inode) low = middle + 1;
    else if (sorted[middle] > inode) high = middle - 1;
    else return middle;
  }
  return -1;
}

// comm may hold any byte but NUL and "/" (TASK_COMM_LEN, include/linux/sched.h): held to the wire's rule.
const nameOf = (comm: string | undefined): string | undefined =>
  comm === undefined ? undefined : processName(comm);
