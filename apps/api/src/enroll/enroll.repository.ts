import { Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';

export interface EnrolledHost {
  hostId: string;
  hostname: string;
  machineId: string | null;
}

@Injectable()
export class EnrollRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /**
   * The host of that name, created when new. Concurrent enrolments of one name meet on the unique
   * hostname: the loser's insert does nothing and it reads the winner's row.
   */
  async findOrCreate(host: EnrolledHost): Promise<EnrolledHost & { created: boolean }> {
    const inserted = await this.db
      .insertInto('hosts')
      .values({ host_id: host.hostId, hostname: host.hostname, machine_id: host.machineId, labels: '{}' })
      .onConflict((oc) => oc.column('hostname').doNothing())
      .returning(['host_id', 'hostname', 'machine_id'])
      .executeTakeFirst();
    const row =
      inserted ??
      (await this.db
        .selectFrom('hosts')
        .select(['host_id', 'hostname', 'machine_id'])
        .where('hostname', '=', host.hostname)
        .executeTakeFirstOrThrow());
    return { hostId: row.host_id, hostname: row.hostname, machineId: row.machine_id, created: !!inserted };
  }

  async setMachineId(hostId: string, machineId: string): Promise<void> {
    await this.db.updateTable('hosts').set({ machine_id: machineId }).where('host_id', '=', hostId).execute();
  }
}
