import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { HostTokensRepository, type TokenHost } from './host-tokens.repository';
import { hashSecret, matchesHash, newSecret } from './secrets';

// Every push is authenticated. The hosts of tokens checked against the database are kept in memory for up
// to CACHE_MS, and all of them are forgotten once the token epoch (migration 0006), which every
// revocation raises, has moved: a replica looks at it at most once per EPOCH_CHECK_MS, and only while
// pushes arrive. A token revoked through any replica thus stops working on all of them within a second,
// and a fleet pushing every 30 s costs the database one small query a second instead of one per push.
const CACHE_MS = 10 * 60_000;
const EPOCH_CHECK_MS = 1_000;
const CACHE_MAX = 200_000;

@Injectable()
export class HostTokensService {
  private readonly cache = new Map<string, { host: TokenHost; until: number }>();
  private epoch: string | null = null;
  private epochCheckedAt = -Infinity;
  private epochCheck: Promise<void> | null = null;
  /** Raised whenever the cache is emptied, so that a lookup begun before cannot fill it again. */
  private generation = 0;

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
    await this.checkEpoch();
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.host;
    const generation = this.generation;
    const host = await this.tokens.findActiveByHash(hash);
    if (!host || !matchesHash(token, host.tokenHash)) {
      this.cache.delete(hash);
      throw new DomainError('unauthenticated', 'the host token is unknown or revoked; enrol the host again');
    }
    if (generation === this.generation) {
      if (this.cache.size >= CACHE_MAX) this.forget();
      this.cache.set(hash, { host, until: Date.now() + CACHE_MS });
    }
    return host;
  }

  async revoke(hostname: string): Promise<{ hostId: string; revoked: number }> {
    const result = await this.tokens.revokeForHost(hostname);
    if (!result) throw new DomainError('not_found', `no host named ${hostname}`);
    // The epoch moved with the revocation: the next check would forget them all anyway.
    this.forget();
    return result;
  }

  /**
   * Forgets every cached token when the epoch moved since the last look, once a second at most; the
   * look's own start is what the next one is measured from, so nothing revoked after it is trusted
   * longer than a second. A failed look forgets everything too, and fails the request.
   */
  private checkEpoch(): Promise<void> {
    const now = Date.now();
    if (now - this.epochCheckedAt < EPOCH_CHECK_MS) return Promise.resolve();
    this.epochCheck ??= this.tokens
      .epoch()
      .then(
        (epoch) => {
          if (epoch !== this.epoch) this.forget();
          this.epoch = epoch;
          this.epochCheckedAt = now;
        },
        (error: unknown) => {
          this.forget();
          throw error;
        },
      )
      .finally(() => {
        this.epochCheck = null;
      });
    return this.epochCheck;
  }

  private forget(): void {
    this.cache.clear();
    this.generation += 1;
  }
}
