import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** What the holder of the embedded store writes beside it, so that other commands can find it. */
export interface StoreOwner {
  pid: number;
  /** The HTTP port of the API holding the store, once it listens; null for a command such as migrate. */
  port: number | null;
  command: string;
  startedAt: string;
}

export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: StoreOwner | null,
    hint = 'one process at a time may open it',
  ) {
    const who = owner ? `process ${owner.pid} (tcpfleet-api ${owner.command})` : 'another process';
    super(`the embedded database in ${dataDir} is in use by ${who}; ${hint}`);
  }
}

export const OWNER_FILE = 'tcpfleet-api.pid';

/**
 * An exclusive lock on a data directory, held for the life of the process.
 *
 * The lock is a listening Unix socket in Linux's abstract namespace, named after the directory's real
 * path: binding it is atomic, a second bind fails with EADDRINUSE, and the kernel releases it when the
 * process dies however it dies, so a crash never leaves a stale lock behind (unix(7), "Abstract
 * sockets"). Elsewhere a socket file in the directory plays the same part. The pid file beside it only
 * tells others who holds the store.
 */
export class StoreLock {
  private constructor(
    private readonly server: Server,
    private readonly ownerPath: string,
    private owner: StoreOwner,
  ) {}

  static async acquire(dataDir: string, command: string): Promise<StoreLock> {
    mkdirSync(dataDir, { recursive: true });
    const ownerPath = join(dataDir, OWNER_FILE);
    const server = createServer((socket) => socket.destroy());
    const address = lockAddress(dataDir);
    try {
      await listen(server, address);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      // A socket file (not Linux) outlives a crash: if nobody answers on it, it is stale.
      if (address.startsWith('\0') || (await answers(address))) {
        throw new StoreLockedError(dataDir, readStoreOwner(dataDir));
      }
      rmSync(address, { force: true });
      await listen(server, address);
    }
    server.unref();
    const owner: StoreOwner = { pid: process.pid, port: null, command, startedAt: new Date().toISOString() };
    writeFileSync(ownerPath, JSON.stringify(owner), { mode: 0o600 });
    return new StoreLock(server, ownerPath, owner);
  }

  /** Records the port the API listens on, for commands that go through the running API. */
  setPort(port: number): void {
    this.owner = { ...this.owner, port };
    writeFileSync(this.ownerPath, JSON.stringify(this.owner), { mode: 0o600 });
  }

  async release(): Promise<void> {
    rmSync(this.ownerPath, { force: true });
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Who holds the store according to its pid file, or null when nobody wrote one. */
export function readStoreOwner(dataDir: string): StoreOwner | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as StoreOwner;
  } catch {
    return null;
  }
}

function lockAddress(dataDir: string): string {
  const real = realpathSync(dataDir);
  if (process.platform === 'linux') {
    const digest = createHash('sha256').update(real).digest('hex').slice(0, 40);
    return `\0tcpfleet-api-${digest}`;
  }
  return join(real, '.lock.sock');
}

function listen(server: Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
