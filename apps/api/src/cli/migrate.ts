import type { Config } from '../config/config';
import { MIGRATIONS_DIR } from '../config/paths';
import { openDatabase } from '../database/database';
import { migrate, readMigrations } from '../database/migrator';
import { StoreLockedError } from '../database/store-lock';

/** `migrate`: applies pending migrations and says which. */
export async function runMigrate(config: Config): Promise<void> {
  let database;
  try {
    database = await openDatabase(config, 'migrate');
  } catch (error) {
    if (error instanceof StoreLockedError && error.owner?.command === 'serve') {
      throw new StoreLockedError(
        error.dataDir,
        error.owner,
        'the running API applied the migrations when it started',
      );
    }
    throw error;
  }
  try {
    const applied = await migrate(database.db, readMigrations(MIGRATIONS_DIR));
    console.log(
      applied.length === 0
        ? 'migrations: up to date'
        : `migrations: applied ${applied.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`).join(', ')}`,
    );
  } finally {
    await database.close();
  }
}
