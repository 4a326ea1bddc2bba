import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

// Any constant will do; it only has to be the same for every API process migrating one database.
const MIGRATION_LOCK = 7_307_241;

/** Reads NNNN_name.sql files in order; a gap or a duplicate number is a mistake worth stopping for. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE.exec(file);
      if (!match) throw new MigrationError(`migration file ${file} is not named NNNN_name.sql`);
      const text = readFileSync(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      return { version: Number(match[1]), name: match[2], sql: text, checksum };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(`migration ${migration.version} out of sequence: expected ${index + 1}`);
    }
  });
  return migrations;
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, under an advisory lock so that
 * replicas starting together migrate once. A recorded migration whose file changed stops everything.
 */
export async function migrate(db: Kysely<Schema>, migrations: Migration[]): Promise<Migration[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, checksum text not null,
    applied_at timestamptz not null default now())`.execute(db);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      const applied = await connection.selectFrom('schema_migrations').selectAll().execute();
      const known = new Map(applied.map((row) => [row.version, row]));
      const pending: Migration[] = [];
      for (const migration of migrations) {
        const row = known.get(migration.version);
        if (!row) pending.push(migration);
        else if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.version}_${migration.name} changed after it was applied; add a new migration instead`,
          );
        }
      }
      for (const migration of pending) {
        await connection.transaction().execute(async (tx) => {
          await sql.raw(migration.sql).execute(tx);
          await tx
            .insertInto('schema_migrations')
            .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
            .execute();
        });
      }
      return pending;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}
