import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribution } from './collector';
import { commOf, isDenied, isGone, linkInode, readLink } from './proc_linux';

export interface Owner {
  pid: number;
  process?: string;
}

export interface OwnerLookup {
  owners: ReadonlyMap<number, Owner>;
  attribution: Attribution;
  /** Processes whose descriptors we may not read. */
  denied: number;
  /** Descriptor links read in this lookup: the work the cache saves. */
  linksRead: number;
}

/**
 * Ties socket inodes to processes through /proc/<pid>/fd/* links, which read `socket:[<inode>]`
 * (proc(5)). Owners are kept between snapshots; only inodes not seen before send us walking the
 * descriptors again, and the walk stops as soon as every new inode has an owner. Inodes a whole
 * walk could not place (kernel-held sockets, processes we may not read) are remembered as such, so
 * they do not cost a walk per snapshot.
 */
export class SocketOwners {
  private readonly known = new Map<number, Owner>();
  private readonly unowned = new Set<number>();
  private denied = 0;

  constructor(private readonly procRoot: string) {}

  lookup(inodes: ReadonlySet<number>, pids: readonly number[]): OwnerLookup {
    this.forget(inodes, new Set(pids));
    const missing = new Set(
      [...inodes].filter((inode) => !this.known.has(inode) && !this.unowned.has(inode)),
    );
    const linksRead = missing.size > 0 ? this.walk(pids, missing) : 0;
    const unplaced = inodes.size - this.known.size;
    let attribution: Attribution = 'full';
    if (unplaced > 0 && this.denied > 0) attribution = this.known.size > 0 ? 'partial' : 'none';
    return { owners: this.known, attribution, denied: this.denied, linksRead };
  }

  /** Reads descriptor links, newest process first, until every missing inode has an owner. */
  private walk(pids: readonly number[], missing: Set<number>): number {
    let linksRead = 0;
    let denied = 0;
    for (const pid of pids) {
      const links = this.descriptors(pid);
      if (links === 'denied') denied++;
      if (typeof links !== 'object') continue;
      linksRead += links.length;
      this.adopt(pid, links, missing);
      if (missing.size === 0) return linksRead;
    }
    // Only a complete walk tells how many processes were closed to us.
    this.denied = denied;
    for (const inode of missing) this.unowned.add(inode);
    return linksRead;
  }

  /** Drops owners of sockets that closed and of processes that exited. */
  private forget(inodes: ReadonlySet<number>, pids: ReadonlySet<number>): void {
    for (const [inode, owner] of this.known) {
      if (!inodes.has(inode) || !pids.has(owner.pid)) this.known.delete(inode);
    }
    for (const inode of this.unowned) if (!inodes.has(inode)) this.unowned.delete(inode);
  }

  private descriptors(pid: number): string[] | 'denied' | 'gone' {
    try {
      return readdirSync(join(this.procRoot, String(pid), 'fd'));
    } catch (error) {
      if (isDenied(error)) return 'denied';
      if (isGone(error)) return 'gone';
      throw error;
    }
  }

  private adopt(pid: number, links: readonly string[], missing: Set<number>): void {
    const dir = join(this.procRoot, String(pid), 'fd');
    let owner: Owner | undefined;
    for (const fd of links) {
      const inode = linkInode(readLink(join(dir, fd)), 'socket');
      if (inode === undefined || !missing.has(inode)) continue;
      owner ??= { pid, process: commOf(this.procRoot, pid) };
      this.known.set(inode, owner);
      missing.delete(inode);
    }
  }
}
