import { readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { captureRecord, copyTree, PROC_TREE } from '../../test/fixtures';
import { SocketOwners } from './attribution_linux';
import { listPids } from './proc_linux';

const record = captureRecord();

/** The socket inodes a fixture process holds, from its fd links. */
function inodesOf(root: string, pid: number): number[] {
  const dir = join(root, String(pid), 'fd');
  return readdirSync(dir)
    .map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(join(dir, fd)))?.[1])
    .filter((inode): inode is string => inode !== undefined)
    .map(Number);
}

describe('SocketOwners', () => {
  it('finds each inode behind its process and reads no link again while nothing is new', () => {
    const owners = new SocketOwners(PROC_TREE);
    const pids = listPids(PROC_TREE);
    const inodes = new Set(inodesOf(PROC_TREE, record.hostPid));
    const first = owners.lookup(inodes, pids);
    expect(first.linksRead).toBeGreaterThan(0);
    for (const inode of inodes)
      expect(first.owners.get(inode)).toEqual({ pid: record.hostPid, process: 'node' });
    const second = owners.lookup(inodes, pids);
    expect(second.linksRead).toBe(0);
    expect(second.owners.size).toBe(inodes.size);
  });

  it('walks again only for an inode it has not seen, and finds it', () => {
    const root = copyTree();
    try {
      const owners = new SocketOwners(root);
      const known = new Set(inodesOf(root, record.hostPid));
      owners.lookup(known, listPids(root));
      symlinkSync('socket:[999999999]', join(root, String(record.containerClientPid), 'fd', '99'));
      const next = owners.lookup(new Set([...known, 999999999]), listPids(root));
      expect(next.linksRead).toBeGreaterThan(0);
      expect(next.owners.get(999999999)?.pid).toBe(record.containerClientPid);
      expect(next.attribution).toBe('full');
    } finally {
      rmSync(dirname(root), { recursive: true });
    }
  });

  it('forgets the owners of processes that exited', () => {
    const root = copyTree();
    try {
      const owners = new SocketOwners(root);
      const inodes = new Set(inodesOf(root, record.containerClientPid));
      expect(owners.lookup(inodes, listPids(root)).owners.size).toBe(inodes.size);
      rmSync(join(root, String(record.containerClientPid)), { recursive: true });
      expect(owners.lookup(inodes, listPids(root)).owners.size).toBe(0);
    } finally {
      rmSync(dirname(root), { recursive: true });
    }
  });

  it('remembers an inode no process holds instead of walking for it every time', () => {
    const owners = new SocketOwners(PROC_TREE);
    const pids = listPids(PROC_TREE);
    expect(owners.lookup(new Set([123]), pids).linksRead).toBeGreaterThan(0);
    expect(owners.lookup(new Set([123]), pids).linksRead).toBe(0);
  });
});
