import { cpSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectorOptions } from '../src/collect/collector';
import type { CommandRunner } from '../src/collect/runner';
import { silentLogger } from '../src/log/logger';

export const PROC_TREE = join(__dirname, 'fixtures', 'proc', 'host-and-container');

/** What the capture script recorded it opened (scripts/capture-proc-tree.mjs). */
export interface CaptureRecord {
  hostPid: number;
  hostPort: number;
  hostStates: Record<string, number>;
  containerPid: number;
  containerClientPid: number;
  containerPort: number;
  containerStates: Record<string, number>;
}

export function captureRecord(root = PROC_TREE): CaptureRecord {
  return JSON.parse(readFileSync(join(root, 'capture.json'), 'utf8')) as CaptureRecord;
}

/** The namespace inode a fixture process's ns/net link names. */
export function namespaceOf(root: string, pid: number): string {
  return /net:\[(\d+)\]/.exec(readlinkSync(join(root, String(pid), 'ns', 'net')))?.[1] ?? '';
}

const refuse: CommandRunner = (command) => Promise.reject(new Error(`no command runs on Linux: ${command}`));

export function linuxOptions(procRoot: string, overrides: Partial<CollectorOptions> = {}): CollectorOptions {
  return { procRoot, run: refuse, attribution: true, log: silentLogger, ...overrides };
}

/** A writable copy of the fixture tree, links kept as links. */
export function copyTree(root = PROC_TREE): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'proc-')), 'proc');
  cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}
