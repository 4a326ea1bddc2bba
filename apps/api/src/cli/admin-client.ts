import { ApiKeysRepository, type ApiKeyRow } from '../auth/api-keys.repository';
import { ApiKeysService } from '../auth/api-keys.service';
import { HostTokensRepository } from '../auth/host-tokens.repository';
import { HostTokensService } from '../auth/host-tokens.service';
import { readLocalAdminSecret } from '../auth/local-admin';
import type { Config } from '../config/config';
import { MIGRATIONS_DIR } from '../config/paths';
import { openDatabase, type Database } from '../database/database';
import { migrate, readMigrations } from '../database/migrator';
import { StoreLockedError } from '../database/store-lock';

export interface KeyView {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  revokedAt: string | null;
}

/** What the admin commands need, whether the database is opened here or held by a running API. */
export interface AdminClient {
  readonly via: string;
  createKey(name: string, role: string): Promise<KeyView & { key: string }>;
  listKeys(): Promise<KeyView[]>;
  revokeKey(id: string): Promise<void>;
  revokeTokens(hostname: string): Promise<number>;
  close(): Promise<void>;
}

const view = (row: ApiKeyRow): KeyView => ({
  id: row.keyId,
  name: row.name,
  role: row.role,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

function directClient(config: Config, database: Database): AdminClient {
  const keys = new ApiKeysService(new ApiKeysRepository(database.db), config, null);
  const tokens = new HostTokensService(new HostTokensRepository(database.db));
  return {
    via: database.engine === 'pglite' ? `the embedded database in ${config.dataDir}` : 'DATABASE_URL',
    createKey: async (name, role) => {
      const created = await keys.create(name, role);
      return { ...view(created.apiKey), key: created.key };
    },
    listKeys: async () => (await keys.list()).map(view),
    revokeKey: (id) => keys.revoke(id),
    revokeTokens: async (hostname) => (await tokens.revoke(hostname)).revoked,
    close: () => database.close(),
  };
}

export class AdminRequestError extends Error {}

function httpClient(baseUrl: string, credential: string): AdminClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      const message = (JSON.parse(text || '{}') as { error?: { message?: string } }).error?.message;
      throw new AdminRequestError(`the running API answered ${response.status}: ${message ?? text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    via: `the running API at ${baseUrl}`,
    createKey: (name, role) => call('POST', '/keys', { name, role }),
    listKeys: () => call('GET', '/keys'),
    revokeKey: (id) => call('DELETE', `/keys/${encodeURIComponent(id)}`),
    revokeTokens: async (hostname) =>
      (await call<{ revoked: number }>('POST', `/hosts/${encodeURIComponent(hostname)}/revoke-tokens`))
        .revoked,
    close: async () => undefined,
  };
}

/**
 * The database directly when this process may open it (DATABASE_URL, or a free embedded store); else
 * the running API that holds the embedded store, with TCPFLEET_ADMIN_KEY or the API's local secret.
 */
export async function adminClient(config: Config): Promise<AdminClient> {
  try {
    const database = await openDatabase(config, 'admin');
    try {
      await migrate(database.db, readMigrations(MIGRATIONS_DIR));
    } catch (error) {
      await database.close();
      throw error;
    }
    return directClient(config, database);
  } catch (error) {
    const port = error instanceof StoreLockedError ? (error.owner?.port ?? null) : null;
    if (!(error instanceof StoreLockedError) || port === null) throw error;
    const credential = config.adminKey ?? readLocalAdminSecret(config.dataDir);
    if (!credential) {
      throw new AdminRequestError(
        `${error.message}; set TCPFLEET_ADMIN_KEY to an admin key to go through it`,
      );
    }
    return httpClient(`http://127.0.0.1:${port}`, credential);
  }
}
