import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { DomainError } from '../errors/domain-error';
import { ApiKeysRepository, ROLES, type ApiKeyRow, type Role } from './api-keys.repository';
import { hashSecret, matchesHash, newSecret, sameSecret } from './secrets';

/** Who is calling: a stored key, TCPFLEET_ADMIN_KEY, or the local admin secret of the running API. */
export interface Principal {
  role: Role;
  keyId: string | null;
  via: 'key' | 'environment' | 'local';
}

export const LOCAL_ADMIN_SECRET = Symbol('LOCAL_ADMIN_SECRET');

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    @InjectConfig() private readonly config: Config,
    @Inject(LOCAL_ADMIN_SECRET) private readonly localSecret: string | null,
  ) {}

  /** Creates a key; the key itself is returned once and never stored. */
  async create(name: string, role: string): Promise<{ key: string; apiKey: ApiKeyRow }> {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new DomainError('invalid_input', `role must be one of ${ROLES.join(', ')}`, [
        { field: 'role', reason: `must be one of ${ROLES.join(', ')}` },
      ]);
    }
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 100) {
      throw new DomainError('invalid_input', 'name must be 1 to 100 characters', [
        { field: 'name', reason: 'must be 1 to 100 characters' },
      ]);
    }
    const key = newSecret('api key');
    const apiKey = await this.keys.insert({
      keyId: randomUUID(),
      name: trimmed,
      role: role as Role,
      keyHash: hashSecret(key),
    });
    return { key, apiKey };
  }

  list(): Promise<ApiKeyRow[]> {
    return this.keys.list();
  }

  async revoke(keyId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(keyId) || !(await this.keys.revoke(keyId))) {
      throw new DomainError('not_found', `no active API key with id ${keyId}`);
    }
  }

  /** Whether someone can get in as admin without creating a key first. */
  async hasAnyKey(): Promise<boolean> {
    return this.config.adminKey !== null || (await this.keys.countActive()) > 0;
  }

  async authenticate(secret: string | null): Promise<Principal> {
    if (!secret)
      throw new DomainError('unauthenticated', 'an API key is required: Authorization: Bearer <key>');
    if (this.config.adminKey && sameSecret(secret, this.config.adminKey)) {
      return { role: 'admin', keyId: null, via: 'environment' };
    }
    if (this.localSecret && sameSecret(secret, this.localSecret)) {
      return { role: 'admin', keyId: null, via: 'local' };
    }
    const found = await this.keys.findActiveByHash(hashSecret(secret));
    if (!found || !matchesHash(secret, found.keyHash)) {
      throw new DomainError('unauthenticated', 'the API key is unknown or revoked');
    }
    return { role: found.role, keyId: found.keyId, via: 'key' };
  }
}
