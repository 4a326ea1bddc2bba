import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/** Where the PostgreSQL 15 server binaries live (Debian's layout); TCPFLEET_PG_BIN overrides it. */
export const PG_BIN = process.env.TCPFLEET_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresInstalled(): boolean {
  return ['initdb', 'postgres', 'psql'].every((name) => existsSync(join(PG_BIN, name)));
}

interface Owner {
  uid: number;
  gid: number;
}

/**
 * initdb and postgres refuse to run as root (src/bin/initdb/initdb.c, src/backend/main/main.c), so a
 * test running as root starts them as the `postgres` account: the same as `runuser -u postgres --`,
 * but the server stays our own child, so signals reach it directly and no wrapper is left behind.
 */
function serverOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root, and there is no postgres account to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[], owner: Owner | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...owner, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/**
 * A PostgreSQL server of its own for one test file: a temporary cluster on a free port of 127.0.0.1,
 * trust authentication, fsync off (nothing here must survive the machine). It can be stopped and
 * started again on the same port and data, which is how the tests take the database away.
 */
export class PrivatePostgres {
  private server: ChildProcess | null = null;
  private log = '';

  private constructor(
    readonly root: string,
    readonly port: number,
    private readonly owner: Owner | undefined,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const owner = serverOwner();
    const root = mkdtempSync(join(tmpdir(), 'tcpfleet-pg-'));
    if (owner) chownSync(root, owner.uid, owner.gid);
    const instance = new PrivatePostgres(root, await freePort(), owner);
    await run(
      join(PG_BIN, 'initdb'),
      ['-D', instance.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      owner,
    );
    await instance.start();
    return instance;
  }

  get dataDir(): string {
    return join(this.root, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = spawn(
      join(PG_BIN, 'postgres'),
      ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1']
        .concat(['-c', `unix_socket_directories=${this.root}`, '-c', 'fsync=off'])
        .concat(['-c', 'full_page_writes=off', '-c', 'max_connections=300']),
      { ...this.owner, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    server.stderr?.on('data', (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-20_000)));
    server.once('exit', () => {
      if (this.server === server) this.server = null;
    });
    this.server = server;
    for (let tries = 0; ; tries++) {
      if (
        await this.query('select 1').then(
          () => true,
          () => false,
        )
      )
        return;
      if (!this.server || tries > 200) throw new Error(`PostgreSQL did not start:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Stops the server: `fast` (SIGINT) ends every session and checkpoints, as an operator's
   * `pg_ctl stop` does; `immediate` (SIGQUIT) is a crash (postgres.c, "Shutdown modes").
   */
  stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.once('exit', () => resolve());
      server.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    });
  }

  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Runs SQL through psql; answers the rows, one per line, columns split by `|`. */
  async query(statement: string, database = 'postgres'): Promise<string[][]> {
    const out = await run(
      join(PG_BIN, 'psql'),
      ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', this.url(database), '-c', statement],
      undefined,
    );
    return out
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('|'));
  }

  /** One whole number from a query such as `select count(*) from ...`. */
  async scalar(statement: string, database = 'postgres'): Promise<number> {
    const rows = await this.query(statement, database);
    return Number(rows[0]?.[0]);
  }
}
