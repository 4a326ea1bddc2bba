import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { preparingMarked } from '../src/database/database';

// Prepared statements live in a PostgreSQL server's sessions; PGlite reads the mark as a comment.
const serverUrl = process.env.TCPFLEET_TEST_PG_URL;
const onPostgres = serverUrl ? describe : describe.skip;

onPostgres('statements marked to be prepared', () => {
  let pool: pg.Pool;
  let db: Kysely<Record<string, never>>;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: serverUrl, max: 1 });
    preparingMarked(pool);
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  });
  afterAll(() => db.destroy());

  const prepared = async () =>
    (
      await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements
        order by name`.execute(db)
    ).rows;

  it('are prepared once per connection under a name of their own, and answer as before', async () => {
    const marked = (n: number) =>
      sql<{ doubled: number }>`/* prepared: test-double */ select ${n}::int * 2 as doubled`;
    expect((await marked(2).execute(db)).rows).toEqual([{ doubled: 4 }]);
    expect((await marked(21).execute(db)).rows).toEqual([{ doubled: 42 }]);
    const other = sql<{ n: number }>`/* prepared: test-double */ select ${1}::int as n`;
    expect((await other.execute(db)).rows).toEqual([{ n: 1 }]);
    expect((await sql`select 1 as plain`.execute(db)).rows).toEqual([{ plain: 1 }]);
    const names = (await prepared()).map((row) => row.name);
    // One per marked text, the same name each time it ran; the unmarked statement is not kept.
    expect(names).toHaveLength(2);
    expect(names.every((name) => /^test-double-[0-9a-f]{16}$/.test(name))).toBe(true);
  });
});
