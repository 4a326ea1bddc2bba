import { Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';

/** The host a valid token writes for. */
export interface TokenHost {
  hostId: string;
  hostname: string;
  machineId: string | null;
  tokenHash: string;
}

@Injectable()
export class HostTokensRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  async insert(token: { hostId: string; tokenId: string; tokenHash: string }): Promise<void> {
    await this.db
      .insertInto('host_tokens')
      .values({
        host_id: token.hostId,
        token_id: token.tokenId,
        token_hash: token.tokenHash,
        revoked_at: null,
      })
      .execute();
  }

  async findActiveByHash(tokenHash: string): Promise<TokenHost | null> {
    const row = await this.db
      .selectFrom('host_tokens as t')
      .innerJoin('hosts as h', 'h.host_id', 't.host_id')
      .select(['h.host_id', 'h.hostname', 'h.machine_id', 't.token_hash'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
    return row
      ? { hostId: row.host_id, hostname: row.hostname, machineId: row.machine_id, tokenHash: row.token_hash }
      : null;
  }

  /**
   * Revokes every unrevoked token of a host and raises the token epoch in the same transaction, so that
   * no replica can see the new epoch before the revocation; returns how many tokens, or null when there
   * is no such host.
   */
  revokeForHost(hostname: string): Promise<{ hostId: string; revoked: number } | null> {
    return this.db.transaction().execute(async (tx) => {
      const host = await tx
        .selectFrom('hosts')
        .select('host_id')
        .where('hostname', '=', hostname)
        .executeTakeFirst();
      if (!host) return null;
      const result = await tx
        .updateTable('host_tokens')
        .set({ revoked_at: new Date() })
        .where('host_id', '=', host.host_id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      await tx
        .updateTable('host_token_epoch')
        .set((eb) => ({ epoch: eb('epoch', '+', '1') }))
        .execute();
      return { hostId: host.host_id, revoked: Number(result.numUpdatedRows) };
    });
  }

  /** The token epoch (migration 0006): it moves whenever a token is revoked. */
  async epoch(): Promise<string> {
    const row = await this.db.selectFrom('host_token_epoch').select('epoch').executeTakeFirstOrThrow();
    return String(row.epoch);
  }
}
