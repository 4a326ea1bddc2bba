import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

/** One statement as the API sends it to PostgreSQL. */
export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements of one GraphQL request, and what they returned through the API's own code. */
export interface Capture<T> {
  statements: Statement[];
  result: T;
}

interface HostRow {
  hostId: string;
  hostname: string;
  count: number;
}

// The parts of apps/api's HostsService the queries go through (apps/api/src/hosts/hosts.service.ts).
interface HostsService {
  page(args: unknown): Promise<{ rows: HostRow[]; match: unknown }>;
  processes(hostIds: string[], match: unknown, limit: number): Promise<unknown[]>;
  byHostname(hostname: string): Promise<HostRow>;
  counts(hostId: string, filter: undefined): Promise<unknown[]>;
}

interface KyselyLike {
  destroy(): Promise<void>;
}

/**
 * The API's own service and repositories (from apps/api/dist) over a query builder that records each
 * compiled statement, so the reference runs exactly the SQL the API runs for a GraphQL request: the
 * hosts page and the batched topProcesses for the headline query; the host, its counts and its
 * processes for `host(hostname)`.
 */
export class ApiSql {
  private recorded: Statement[] = [];

  private constructor(
    private readonly service: HostsService,
    private readonly db: KyselyLike,
  ) {}

  static open(root: string, databaseUrl: string, env: Record<string, string>): ApiSql {
    // Resolved from apps/api, so its own copies of kysely and its dist modules are the ones used.
    const fromApi = createRequire(join(root, 'apps/api/package.json'));
    const load = (path: string) => fromApi(`./dist/${path}`) as Record<string, unknown>;
    const kysely = fromApi('kysely') as {
      Kysely: new (config: unknown) => KyselyLike;
      PostgresDialect: new (config: unknown) => unknown;
    };
    const api = {
      HostsRepository: load('hosts/hosts.repository.js').HostsRepository as new (db: unknown) => unknown,
      HostDetailRepository: load('hosts/host-detail.repository.js').HostDetailRepository as new (
        db: unknown,
      ) => unknown,
      HostsService: load('hosts/hosts.service.js').HostsService as new (...deps: unknown[]) => HostsService,
      loadConfig: load('config/config.js').loadConfig as (env: Record<string, string>) => unknown,
    };
    let sql: ApiSql | null = null;
    const db = new kysely.Kysely({
      dialect: new kysely.PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
      log: (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
        if (event.level === 'query')
          sql?.recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const service = new api.HostsService(
      new api.HostsRepository(db),
      new api.HostDetailRepository(db),
      api.loadConfig({ ...env, DATABASE_URL: databaseUrl }),
    );
    sql = new ApiSql(service, db);
    return sql;
  }

  /** `hosts(where: { sockets: ... }) { nodes { ... topProcesses } }`: the page, then its processes. */
  async headline(
    sockets: Record<string, unknown>,
    first: number,
    processLimit: number,
  ): Promise<Capture<string[]>> {
    return this.capture(async () => {
      const page = await this.service.page({ where: { sockets }, first });
      await this.service.processes(
        page.rows.map((row) => row.hostId),
        page.match,
        processLimit,
      );
      return page.rows.map((row) => row.hostname);
    });
  }

  /** `host(hostname) { ... counts { ... } topProcesses { ... } }`. */
  async host(hostname: string, processLimit: number): Promise<Capture<string>> {
    return this.capture(async () => {
      const host = await this.service.byHostname(hostname);
      await this.service.counts(host.hostId, undefined);
      await this.service.processes([host.hostId], null, processLimit);
      return host.hostname;
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  private async capture<T>(work: () => Promise<T>): Promise<Capture<T>> {
    this.recorded = [];
    const result = await work();
    return { statements: this.recorded, result };
  }
}
