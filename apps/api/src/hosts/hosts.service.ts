import { Injectable } from '@nestjs/common';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { DomainError, invalidInput } from '../errors/domain-error';
import type { HistoryArgs, HostsArgs, SocketsArgs } from './hosts.args';
import {
  HostDetailRepository,
  type HistoryRow,
  type PeersRow,
  type ProcessRow,
  type SocketListRow,
} from './host-detail.repository';
import {
  decodeCursor,
  encodeCursor,
  globToLike,
  type CountMatch,
  type HostFilter,
  type HostRow,
  type SortField,
} from './host-query';
import { SocketCountFilter, Staleness, type HostWhere } from './hosts.input';
import { HostsRepository } from './hosts.repository';
import { statesOf } from './state-filter';

export interface HostPage {
  rows: HostRow[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** The socket filter the page was counted with: the hosts' topProcesses use it too. */
  match: CountMatch | null;
}

const MAX_HISTORY_POINTS = 2000;

export function countMatchOf(filter: SocketCountFilter | undefined, field: string): CountMatch {
  return {
    states: statesOf(field, filter?.state, filter?.stateName),
    direction: filter?.direction ?? null,
    port: filter?.port ?? null,
    process: filter?.process ?? null,
  };
}

@Injectable()
export class HostsService {
  constructor(
    private readonly hosts: HostsRepository,
    private readonly detail: HostDetailRepository,
    @InjectConfig() private readonly config: Config,
  ) {}

  async page(args: HostsArgs, now = new Date()): Promise<HostPage> {
    const sockets = args.where?.sockets;
    const match = sockets ? countMatchOf(sockets, 'where.sockets') : null;
    const field: SortField = args.orderBy?.field ?? (match ? 'COUNT' : 'HOSTNAME');
    const descending = args.orderBy ? args.orderBy.direction === 'DESC' : field === 'COUNT';
    const given = args.after ?? null;
    const after = given === null ? null : decodeCursor(given);
    if (given !== null && !after)
      throw invalidInput([{ field: 'after', reason: 'is not a cursor of this query' }]);
    const rows = await this.hosts.page({
      match,
      bounds: { gt: sockets?.countGt ?? null, gte: sockets?.countGte ?? null, lt: sockets?.countLt ?? null },
      filter: this.filterOf(args.where, now),
      sort: { field, descending },
      after,
      limit: args.first + 1,
    });
    const page = rows.slice(0, args.first);
    const last = page.at(-1);
    const cursorValue = (row: HostRow): number | string =>
      field === 'COUNT'
        ? row.count
        : field === 'HOSTNAME'
          ? row.hostname
          : (row.lastSeenAt?.getTime() ?? 0) / 1000;
    return {
      rows: page,
      hasNextPage: rows.length > args.first,
      endCursor: last ? encodeCursor({ value: cursorValue(last), hostname: last.hostname }) : null,
      match,
    };
  }

  filterOf(
    where: Pick<HostWhere, 'hostname' | 'labels' | 'os' | 'staleness' | 'staleAfterSeconds'> | undefined,
    now: Date,
  ): HostFilter {
    const staleAfter = where?.staleAfterSeconds ?? this.config.staleAfterSeconds;
    return {
      hostnameLike: where?.hostname ? globToLike(where.hostname) : null,
      labels: where?.labels
        ? Object.fromEntries(where.labels.map((label) => [label.key, label.value]))
        : null,
      os: where?.os ?? null,
      staleness: where?.staleness ?? Staleness.FRESH,
      staleBefore: new Date(now.getTime() - staleAfter * 1000),
    };
  }

  isStale(row: HostRow, now = new Date()): boolean {
    return (
      row.lastSeenAt === null ||
      row.lastSeenAt.getTime() < now.getTime() - this.config.staleAfterSeconds * 1000
    );
  }

  byIds(hostIds: string[]): Promise<HostRow[]> {
    return hostIds.length === 0 ? Promise.resolve([]) : this.hosts.byIds(hostIds);
  }

  async byHostname(hostname: string): Promise<HostRow> {
    const row = await this.hosts.byHostname(hostname);
    if (!row) throw new DomainError('not_found', `no host named ${hostname}`);
    return row;
  }

  counts(hostId: string, filter: SocketCountFilter | undefined) {
    return this.detail.counts(hostId, countMatchOf(filter, 'where'));
  }

  processes(hostIds: string[], match: CountMatch | null, limit: number): Promise<ProcessRow[]> {
    return this.detail.processes(hostIds, match ?? countMatchOf(undefined, 'where'), limit);
  }

  sockets(hostId: string, args: SocketsArgs): Promise<SocketListRow> {
    const where = args.where;
    return this.detail.sockets(hostId, {
      states: statesOf('where', where?.state, where?.stateName),
      port: where?.port ?? null,
      process: where?.process ?? null,
      limit: args.first,
    });
  }

  peers(hostId: string): Promise<PeersRow> {
    return this.detail.peers(hostId);
  }

  history(hostId: string, args: HistoryArgs, now = new Date()): Promise<HistoryRow[]> {
    const to = args.to ?? now;
    const from = args.from ?? new Date(to.getTime() - 3_600_000);
    if (from >= to) throw invalidInput([{ field: 'from', reason: 'must be before to' }]);
    if ((to.getTime() - from.getTime()) / 1000 / args.stepSeconds > MAX_HISTORY_POINTS) {
      throw invalidInput([
        { field: 'stepSeconds', reason: `gives more than ${MAX_HISTORY_POINTS} points; widen the step` },
      ]);
    }
    const match: CountMatch = {
      states: statesOf('history', args.state, args.stateName),
      direction: args.direction ?? null,
      port: args.port ?? null,
      process: args.process ?? null,
    };
    return this.detail.history(hostId, { match, from, to, stepSeconds: args.stepSeconds });
  }
}
