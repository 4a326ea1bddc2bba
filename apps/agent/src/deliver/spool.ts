import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_VERSION, type SnapshotV1 } from '@tcpfleet/model';
import { reason } from '../errors';
import type { Logger } from '../log/logger';
import { TEMP_PREFIX, writeFileAtomic } from './atomic';

/** One spooled snapshot: the exact gzip body to send, and what delivery needs to know of it. */
export interface SpoolEntry {
  name: string;
  id: string;
  body: Buffer;
  /** The drops this snapshot reports; they are owed again if it is dropped in turn. */
  spoolDropped: number;
}

const ENTRY = /^(\d{12})-([0-9a-f-]{36})\.json\.gz$/;

/**
 * A bounded on-disk queue of snapshots the API has not taken yet: one file per snapshot, named by
 * a sequence number so a directory listing gives the order, written atomically. Reading checks the
 * gzip trailer (CRC-32 and length, RFC 1952) and the JSON, so a file a crash cut short is removed,
 * never sent. When full, the oldest snapshot goes: recent state matters most to an operator.
 */
export class Spool {
  private sequence = 0;

  constructor(
    readonly dir: string,
    private readonly max: number,
    private readonly log: Logger,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(dir)) {
      if (name.startsWith(TEMP_PREFIX)) this.discard(name, 'unfinished write');
    }
    const last = this.names().at(-1);
    this.sequence = last ? Number(ENTRY.exec(last)?.[1]) : 0;
  }

  /** Entry names, oldest first. */
  names(): string[] {
    return readdirSync(this.dir)
      .filter((name) => ENTRY.test(name))
      .sort();
  }

  get size(): number {
    return this.names().length;
  }

  /** Stores a snapshot; gives the entries dropped to stay within the bound. */
  put(id: string, body: Buffer): SpoolEntry[] {
    const name = `${String(++this.sequence).padStart(12, '0')}-${id}.json.gz`;
    writeFileAtomic(join(this.dir, name), body, 0o600);
    const names = this.names();
    const dropped: SpoolEntry[] = [];
    for (const old of names.slice(0, Math.max(0, names.length - this.max))) {
      const entry = this.read(old);
      this.remove(old);
      if (entry) dropped.push(entry);
      else
        dropped.push({ name: old, id: ENTRY.exec(old)?.[2] ?? '', body: Buffer.alloc(0), spoolDropped: 0 });
    }
    return dropped;
  }

  /** The oldest entry that reads back whole; broken ones on the way are removed. */
  oldest(): SpoolEntry | undefined {
    for (const name of this.names()) {
      const entry = this.read(name);
      if (entry) return entry;
    }
    return undefined;
  }

  remove(name: string): void {
    try {
      unlinkSync(join(this.dir, name));
    } catch {
      // Already gone is what we wanted.
    }
  }

  private read(name: string): SpoolEntry | undefined {
    const id = ENTRY.exec(name)?.[2] ?? '';
    try {
      const body = readFileSync(join(this.dir, name));
      // node:zlib at first use, as for sending (api.ts gzipJson).
      const text = process.getBuiltinModule('node:zlib').gunzipSync(body).toString('utf8');
      const snapshot = JSON.parse(text) as Partial<SnapshotV1>;
      if (snapshot.version !== SNAPSHOT_VERSION || snapshot.id !== id)
        throw new Error('not the snapshot its name says');
      return { name, id, body, spoolDropped: snapshot.collector?.spoolDropped ?? 0 };
    } catch (error) {
      this.discard(name, reason(error));
      return undefined;
    }
  }

  private discard(name: string, why: string): void {
    this.log.warn('spool entry removed, not sent', { entry: name, reason: why });
    this.remove(name);
  }
}
