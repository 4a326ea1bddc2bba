import { Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';

export type Role = 'reader' | 'admin';
export const ROLES: readonly Role[] = ['reader', 'admin'];

export interface ApiKeyRow {
  keyId: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  async insert(key: { keyId: string; name: string; role: Role; keyHash: string }): Promise<ApiKeyRow> {
    const row = await this.db
      .insertInto('api_keys')
      .values({ key_id: key.keyId, name: key.name, role: key.role, key_hash: key.keyHash, revoked_at: null })
      .returning(['key_id', 'name', 'role', 'created_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    return toKey(row);
  }

  async list(): Promise<ApiKeyRow[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(['key_id', 'name', 'role', 'created_at', 'revoked_at'])
      .orderBy('created_at')
      .execute();
    return rows.map(toKey);
  }

  /** Revokes a key; false when no unrevoked key has that id. */
  async revoke(keyId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('key_id', '=', keyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findActiveByHash(keyHash: string): Promise<{ keyId: string; role: Role; keyHash: string } | null> {
    const row = await this.db
      .selectFrom('api_keys')
      .select(['key_id', 'role', 'key_hash'])
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? { keyId: row.key_id, role: row.role as Role, keyHash: row.key_hash } : null;
  }

  async countActive(): Promise<number> {
    const row = await this.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toKey(row: {
  key_id: string;
  name: string;
  role: string;
  created_at: Date;
  revoked_at: Date | null;
}): ApiKeyRow {
  return {
    keyId: row.key_id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
