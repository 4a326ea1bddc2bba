import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postmasterOf } from './cpu';

/** A database of its own for one run on the given server, dropped at the end. */
export class BenchDatabase {
  private constructor(
    readonly serverUrl: string,
    readonly name: string,
    readonly url: string,
  ) {}

  static async create(serverUrl: string): Promise<BenchDatabase> {
    const name = `tcpfleet_bench_${randomBytes(5).toString('hex')}`;
    await run(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return new BenchDatabase(serverUrl, name, url.toString());
  }

  async drop(): Promise<void> {
    await run(this.serverUrl, `drop database if exists ${this.name} with (force)`);
  }

  async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    return client;
  }

  /**
   * The pid of the server's postmaster, the parent of a backend (read while that backend lives), or
   * null when the server does not run on this machine.
   */
  async postmasterPid(): Promise<number | null> {
    const client = await this.connect();
    try {
      const result = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      return postmasterOf(result.rows[0].pid);
    } finally {
      await client.end();
    }
  }

  /** Runs statements on a connection of its own. */
  async run(...statements: string[]): Promise<void> {
    const client = await this.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  }
}

/** The server's version, as `select version()` names it. */
export async function serverVersion(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function run(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
