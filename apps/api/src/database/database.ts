import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../config/config';
import { PgliteDialect } from './pglite-dialect';
import type { Schema } from './schema';
import { StoreLock } from './store-lock';

export type Engine = 'pglite' | 'postgres';

/** The connection pool of a PostgreSQL server right now (node-postgres Pool counters). */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** An open database: the query builder, which engine runs it, and the store lock when embedded. */
export interface Database {
  db: Kysely<Schema>;
  engine: Engine;
  lock: StoreLock | null;
  /** Null for PGlite: one backend in this process, no pool. */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

const INT8_OID = 20;

// node-postgres returns int8 (count(*), sum(integer)) as strings to keep precision; counts of sockets
// stay far below 2^53, so both engines hand the repositories plain numbers.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// `/* prepared: <name> */` at the start of a statement's text (see preparingMarked).
const PREPARED_MARK = /^\s*\/\* prepared: ([a-z][a-z0-9-]*) \*\//;
const preparedNames = new Map<string, string>();

/**
 * Sends the statements whose text starts with `/* prepared: <name> *\/` as named prepared statements:
 * each connection parses and plans such a statement once, then binds and runs it. Ingestion runs the
 * same few statements for every batch, and parsing and planning them took a tenth of the server's time
 * (the ledger lookup plans over every daily partition). The name carries a hash of the text, so two
 * texts never share one. Only fixed texts are marked: a text that varies would leave one prepared
 * statement per variant on every connection. PGlite reads the mark as the comment it is.
 */
export function preparingMarked(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const marked = (text: unknown, values?: unknown, callback?: unknown): unknown => {
      const mark = typeof text === 'string' ? PREPARED_MARK.exec(text) : null;
      if (mark === null) return query(text, values, callback);
      const source = text as string;
      let name = preparedNames.get(source);
      if (name === undefined) {
        name = `${mark[1]}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;
        preparedNames.set(source, name);
      }
      return query({ name, text: source, values }, callback);
    };
    client.query = marked as typeof client.query;
  });
}

/** Opens PostgreSQL at DATABASE_URL, or else the embedded store in the data dir under its lock. */
export async function openDatabase(config: Config, command: string): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.databasePoolSize,
      connectionTimeoutMillis: 5_000,
      types,
    });
    // A client that loses its server must not take the process down: the pool listens on idle
    // clients only and drops its listener while a client is checked out (inside a transaction), so
    // each client gets its own listener; the query that was running fails and is answered with 503.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    preparingMarked(pool);
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    const poolStats = (): PoolStats => ({
      max: config.databasePoolSize,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    });
    return { db, engine: 'postgres', lock: null, poolStats, close: () => db.destroy() };
  }
  const lock = await StoreLock.acquire(config.dataDir, command);
  try {
    const pglite = await PGlite.create(join(config.dataDir, 'pgdata'));
    const db = new Kysely<Schema>({ dialect: new PgliteDialect(pglite) });
    const close = async (): Promise<void> => {
      await db.destroy();
      await lock.release();
    };
    return { db, engine: 'pglite', lock, poolStats: () => null, close };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
