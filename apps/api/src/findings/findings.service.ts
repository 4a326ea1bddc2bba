import { Injectable } from '@nestjs/common';
import { evaluateFindings, FINDING_RULES, type Finding, type FindingRule } from '@tcpfleet/model';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { invalidInput } from '../errors/domain-error';
import { Staleness } from '../hosts/hosts.input';
import type { HostRow } from '../hosts/host-query';
import { HostsService } from '../hosts/hosts.service';
import { findingInput } from './finding-input';
import { FindingInputsRepository } from './finding-inputs.repository';
import { LEVEL, trendStates } from './finding-levels';
import { FindingLevelsRepository, type Candidate, type LevelBasis } from './finding-levels.repository';
import { Severity } from './finding.model';
import type { FindingsArgs } from './findings.args';
import { decodeFindingCursor, encodeFindingCursor, type FindingCursor } from './finding-cursor';

/** A finding with its host, and its place among the host's findings (for the cursor). */
export interface PlacedFinding {
  host: HostRow;
  finding: Finding;
  index: number;
}

export interface FindingPage {
  nodes: PlacedFinding[];
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Selection {
  cursor: FindingCursor | null;
  rules: FindingRule[];
  severities: Set<string>;
  minLevel: number;
}

// Hosts judged per round of the fleet query: enough that a page usually takes one round, few enough
// that one round's history stays small.
const CHUNK = 100;

@Injectable()
export class FindingsService {
  constructor(
    private readonly levels: FindingLevelsRepository,
    private readonly inputs: FindingInputsRepository,
    private readonly hosts: HostsService,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** The findings of each host, most severe first, as the model's rule engine gives them. */
  async forHosts(hostIds: string[], now = new Date()): Promise<Map<string, Finding[]>> {
    const trend = trendStates(this.config.thresholds);
    const rows = await this.inputs.rows({
      hostIds,
      trendStates: trend.states,
      since: new Date(now.getTime() - trend.windowSeconds * 1000),
      until: now,
    });
    return new Map(
      rows.map((row) => [
        row.host.hostId,
        evaluateFindings(findingInput(row, now, this.config.staleAfterSeconds), this.config.thresholds),
      ]),
    );
  }

  /**
   * The fleet's findings by hostname. SQL picks the hosts that may have one (their counts reach a
   * rule's minimum, or they stopped reporting); only those are judged, a chunk at a time, until the
   * page is full.
   */
  async page(args: FindingsArgs, now = new Date()): Promise<FindingPage> {
    const selection = this.selectionOf(args);
    const { cursor } = selection;
    const nodes: PlacedFinding[] = [];
    let after = cursor ? { hostname: cursor.hostname, inclusive: true } : null;
    for (;;) {
      const candidates = await this.levels.candidates({
        ...this.basis(now),
        filter: this.hosts.filterOf({ ...args.where, staleness: Staleness.ANY }, now),
        rules: selection.rules,
        minLevel: selection.minLevel,
        after,
        limit: CHUNK,
      });
      for (const placed of await this.judge(candidates, selection, now)) {
        const seen =
          cursor !== null && placed.host.hostname === cursor.hostname && placed.index <= cursor.index;
        if (!seen) nodes.push(placed);
      }
      if (nodes.length > args.first || candidates.length < CHUNK) break;
      after = { hostname: candidates[candidates.length - 1].hostname, inclusive: false };
    }
    const page = nodes.slice(0, args.first);
    const last = page.at(-1);
    return {
      nodes: page,
      hasNextPage: nodes.length > args.first,
      endCursor: last ? encodeFindingCursor({ hostname: last.host.hostname, index: last.index }) : null,
    };
  }

  private selectionOf(args: FindingsArgs): Selection {
    const where = args.where;
    const cursor = args.after === undefined ? null : decodeFindingCursor(args.after);
    if (args.after !== undefined && !cursor) {
      throw invalidInput([{ field: 'after', reason: 'is not a cursor of this query' }]);
    }
    const severities = new Set<string>(where?.severity?.length ? where.severity : Object.values(Severity));
    // Below critical, a trend may give a finding (a warning) where no count reaches a level.
    const onlyCritical = !severities.has(Severity.WARNING) && !severities.has(Severity.INFO);
    return {
      cursor,
      rules: where?.rule?.length ? where.rule : [...FINDING_RULES],
      severities,
      minLevel: onlyCritical ? LEVEL.critical : LEVEL.trend,
    };
  }

  /** The wanted findings of the candidates, by hostname, each with its place among its host's. */
  private async judge(candidates: Candidate[], selection: Selection, now: Date): Promise<PlacedFinding[]> {
    const ids = candidates.map((candidate) => candidate.hostId);
    const [findings, hosts] = await Promise.all([this.forHosts(ids, now), this.hosts.byIds(ids)]);
    return hosts.flatMap((host) =>
      (findings.get(host.hostId) ?? [])
        .filter((f) => selection.rules.includes(f.rule) && selection.severities.has(f.severity))
        .map((finding, index) => ({ host, finding, index })),
    );
  }

  /** The thresholds and stale times the SQL levels are computed against at `now`. */
  basis(now: Date): LevelBasis {
    const { thresholds, staleAfterSeconds } = this.config;
    const criticalAfter = Math.max(staleAfterSeconds, thresholds.hostSilence.criticalAfterSeconds);
    return {
      thresholds,
      staleBefore: new Date(now.getTime() - staleAfterSeconds * 1000),
      criticalBefore: new Date(now.getTime() - criticalAfter * 1000),
    };
  }

  isStale(row: HostRow, now = new Date()): boolean {
    return this.hosts.isStale(row, now);
  }
}
