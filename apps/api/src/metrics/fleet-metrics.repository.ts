import { Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import { levelsCte, type LevelBasis } from '../findings/finding-levels.repository';

/** One number of the fleet: hosts by status, sockets by state, hosts over a rule's level. */
export interface FleetRow {
  kind: 'hosts' | 'sockets' | 'findings';
  /** The status, the state, or the rule. */
  key: string;
  /** The level (1 warning, 2 critical) for findings. */
  level: number | null;
  value: number;
}

@Injectable()
export class FleetMetricsRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /**
   * Every fleet gauge in one statement: hosts reporting and stale, sockets per state over the hosts
   * reporting, and hosts per rule at their highest level reached by thresholds (trends not included).
   */
  async fleet(basis: LevelBasis): Promise<FleetRow[]> {
    const staleBefore = sql`${basis.staleBefore.toISOString()}::timestamptz`;
    const result = await sql<FleetRow>`
      with ${levelsCte(basis)}
      select 'hosts' as kind,
        case when h.last_seen_at >= ${staleBefore} then 'reporting' else 'stale' end as key,
        null::int as level, count(*)::float8 as value
      from hosts h group by 2
      union all
      select 'sockets', c.state, null, sum(c.count)::float8
      from current_counts c join hosts h on h.host_id = c.host_id
      where h.last_seen_at >= ${staleBefore} group by c.state
      union all
      select 'findings', rule, level, count(*)::float8
      from (select host_id, rule, max(level) as level from levels group by host_id, rule) per_host
      where level >= 1 group by rule, level`.execute(this.db);
    return result.rows;
  }
}
