import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { HostTokensRepository, type TokenHost } from './host-tokens.repository';
import { hashSecret, matchesHash, newSecret } from './secrets';

// Every snapshot is authenticated; a short cache spares the database one query per push. A token revoked
// through another API replica stops working here within this time; one revoked here stops at once.
const CACHE_MS = 5_000;
const CACHE_MAX = 100_000;

@Injectable()
export class HostTokensService {
  private readonly cache = new Map<string, { host: TokenHost; until: number }>();

  constructor(private readonly tokens: HostTokensRepository) {}

  /** Makes a token for a host; the token is returned once and only its hash is stored. */
  async issue(hostId: string): Promise<string> {
    const token = newSecret('host token');
    await this.tokens.insert({ hostId, tokenId: randomUUID(), tokenHash: hashSecret(token) });
    return token;
  }

  async authenticate(token: string | null): Promise<TokenHost> {
    if (!token)
      throw new DomainError('unauthenticated', 'a host token is required: Authorization: Bearer <token>');
    const hash = hashSecret(token);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.host;
    const host = await this.tokens.findActiveByHash(hash);
    if (!host || !matchesHash(token, host.tokenHash)) {
      this.cache.delete(hash);
      throw new DomainError('unauthenticated', 'the host token is unknown or revoked; enrol the host again');
    }
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { host, until: Date.now() + CACHE_MS });
    return host;
  }

  async revoke(hostname: string): Promise<{ hostId: string; revoked: number }> {
    const result = await this.tokens.revokeForHost(hostname);
    if (!result) throw new DomainError('not_found', `no host named ${hostname}`);
    for (const [hash, entry] of this.cache) {
      if (entry.host.hostId === result.hostId) this.cache.delete(hash);
    }
    return result;
  }
}
