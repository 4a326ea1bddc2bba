import { Injectable } from '@nestjs/common';
import { FindingRule, type FindingThresholds } from '@tcpfleet/model';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import type { HostFilter } from '../hosts/host-query';
import { hostConditions } from '../hosts/hosts.repository';
import { countLevels, SHARE_MARGIN } from './finding-levels';

type Fragment = RawBuilder<unknown>;

/** What the levels are computed against: the thresholds and the times that make a host stale. */
export interface LevelBasis {
  thresholds: FindingThresholds;
  /** Hosts silent since before this are not reporting. */
  staleBefore: Date;
  /** ... and critical once silent since before this. */
  criticalBefore: Date;
}

export interface CandidateQuery extends LevelBasis {
  filter: HostFilter;
  rules: FindingRule[];
  /** The least level a host must reach under one of the rules (0: a trend may do). */
  minLevel: number;
  after: { hostname: string; inclusive: boolean } | null;
  limit: number;
}

export interface Candidate {
  hostId: string;
  hostname: string;
}

const and = (parts: Fragment[]): Fragment => (parts.length === 0 ? sql`true` : sql.join(parts, sql` and `));

/**
 * Per host and rule, the level the current counts, listeners and destinations reach: one row per key
 * that reaches a rule's minimum. Reads current_counts through its (state, port) index and the narrow
 * summary columns of host_sockets, never a host's history or jsonb.
 */
export function levelsCte(basis: LevelBasis): Fragment {
  const rows = countLevels(basis.thresholds);
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  const { listenBacklog, synSent, ephemeral } = basis.thresholds;
  const size = sql`(h.ephemeral_high - h.ephemeral_low + 1)::float8`;
  return sql`levels as (
    select c.host_id, r.rule,
      case when sum(c.count) >= r.critical then 2 when sum(c.count) >= r.warning then 1 else 0 end as level
    from current_counts c
    join unnest(${column('rule')}::text[], ${column('state')}::text[], ${column('direction')}::text[],
      ${column('byProcess')}::boolean[], ${column('minimum')}::int[], ${column('warning')}::int[],
      ${column('critical')}::int[]) as r(rule, state, direction, by_process, minimum, warning, critical)
      on c.state = r.state and (r.direction is null or c.direction = r.direction)
    group by c.host_id, r.rule, r.minimum, r.warning, r.critical, c.direction, c.port,
      case when r.by_process then c.process end
    having sum(c.count) >= r.minimum
    union all
    select s.host_id, ${FindingRule.LISTEN_BACKLOG_SATURATION}::text,
      case when s.fullest_listener >= ${listenBacklog.criticalShare - SHARE_MARGIN}::float8 then 2 else 1 end
    from host_sockets s
    where s.fullest_listener >= ${listenBacklog.warningShare - SHARE_MARGIN}::float8
      or s.longest_queue >= ${listenBacklog.queueWithoutBacklog}::bigint
    union all
    select s.host_id, ${FindingRule.SYN_SENT_PILEUP}::text,
      case when s.busiest_syn_sent >= ${synSent.critical}::int then 2 else 1 end
    from host_sockets s where s.busiest_syn_sent >= ${synSent.warning}::int
    union all
    select s.host_id, ${FindingRule.EPHEMERAL_PORT_EXHAUSTION}::text,
      case when s.busiest_destination >= ceil(${size} * ${ephemeral.criticalShare}::float8) then 2 else 1 end
    from host_sockets s join hosts h on h.host_id = s.host_id
    where h.ephemeral_high >= h.ephemeral_low
      and s.busiest_destination >= ceil(${size} * ${ephemeral.warningShare}::float8)
    union all
    select h.host_id, ${FindingRule.HOST_NOT_REPORTING}::text,
      case when coalesce(h.last_seen_at, h.enrolled_at) <= ${basis.criticalBefore.toISOString()}::timestamptz
        then 2 else 1 end
    from hosts h
    where coalesce(h.last_seen_at, h.enrolled_at) < ${basis.staleBefore.toISOString()}::timestamptz)`;
}

/** The SQL side of findings: which hosts may have one. */
@Injectable()
export class FindingLevelsRepository {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  /** Hosts that may have a finding of the rules, by hostname, for the rule engine to judge. */
  async candidates(query: CandidateQuery): Promise<Candidate[]> {
    const parts = [...hostConditions(query.filter)];
    if (query.after) {
      const { hostname, inclusive } = query.after;
      parts.push(inclusive ? sql`h.hostname >= ${hostname}` : sql`h.hostname > ${hostname}`);
    }
    const result = await sql<Candidate>`
      with ${levelsCte(query)}
      select h.host_id as "hostId", h.hostname from levels l join hosts h on h.host_id = l.host_id
      where l.rule = any(${query.rules}::text[]) and ${and(parts)}
      group by h.host_id, h.hostname having max(l.level) >= ${query.minLevel}::int
      order by h.hostname limit ${query.limit}::int`.execute(this.db);
    return result.rows;
  }
}
