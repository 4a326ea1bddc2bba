import type { FormatName, PortRange } from '@tcpfleet/model';
import type { Logger } from '../log/logger';
import type { CommandRunner } from './runner';
import type { SocketTable } from './socket_table';

export type Attribution = 'full' | 'partial' | 'none';

/** Listener backlogs of the agent's own network namespace, by `backlogKey(address, port)`. */
export type Backlogs = ReadonlyMap<string, number>;

export const backlogKey = (address: string, port: number): string => `${address} ${port}`;

/** What one read of the host's socket table gives. */
export interface SocketCollection {
  source: FormatName;
  sockets: SocketTable;
  attribution: Attribution;
  warnings: string[];
  /** Listener backlogs, where the source has none of its own (Linux, through ss). */
  backlogs?: Backlogs;
}

/** Reads the socket table; one per agent process, so it may keep caches between snapshots. */
export interface SocketCollector {
  collect(): Promise<SocketCollection>;
}

export interface HostInfo {
  osVersion: string;
  machineId?: string;
}

/** Everything a collector may touch, injectable so tests run the real code on fixtures. */
export interface CollectorOptions {
  /** procfs mount point (Linux); fixture trees in tests. */
  procRoot: string;
  /** Runs the native commands (netstat, sockstat, PowerShell); captured output in tests. */
  run: CommandRunner;
  /** Whether to tie sockets to processes. */
  attribution: boolean;
  log: Logger;
}

/**
 * One OS's collectors. Each OS has its own sibling files with the same signatures
 * (`sockets_linux.ts`, `sockets_darwin.ts`, ...), picked by `platformFor`, never by import side effects.
 */
export interface Platform {
  sockets(options: CollectorOptions): SocketCollector;
  ephemeralRange(options: CollectorOptions): Promise<PortRange>;
  host(options: CollectorOptions): Promise<HostInfo>;
}
