import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import type { Direction, TcpState } from '@tcpfleet/model';
import { ApiKeyGuard } from '../auth/guards';
import { BatchLoader } from './batch-loader';
import type { ProcessRow } from './host-detail.repository';
import type { CountMatch, HostRow } from './host-query';
import { CountsArgs, HistoryArgs, HostsArgs, SocketsArgs, TopProcessesArgs } from './hosts.args';
import { Host, HostConnection, HistoryPoint, SocketCount, SocketList, TopProcess } from './host.model';
import { hostNode, type HostNode } from './host-node';
import { Destination, Listener } from './listener.model';
import { HostsService } from './hosts.service';

interface RequestContext {
  processLoaders?: Map<string, BatchLoader<string, TopProcess[]>>;
}

@Resolver(() => Host)
@UseGuards(ApiKeyGuard)
export class HostsResolver {
  constructor(private readonly service: HostsService) {}

  @Query(() => HostConnection, { description: 'Hosts matching a filter; with `sockets`, counted by it' })
  async hosts(@Args() args: HostsArgs): Promise<HostConnection> {
    const page = await this.service.page(args);
    return {
      nodes: page.rows.map((row) => this.node(row, page.match)),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Query(() => Host, { description: 'One host by hostname, stale or not' })
  async host(@Args('hostname') hostname: string): Promise<Host> {
    return this.node(await this.service.byHostname(hostname), null);
  }

  @ResolveField(() => [TopProcess], { description: 'Processes holding the counted sockets, biggest first' })
  async topProcesses(
    @Parent() host: HostNode,
    @Args() args: TopProcessesArgs,
    @Context() context: RequestContext,
  ): Promise<TopProcess[]> {
    const key = JSON.stringify([host.match, args.limit]);
    context.processLoaders ??= new Map();
    const loader =
      context.processLoaders.get(key) ??
      new BatchLoader<string, TopProcess[]>(
        async (ids) => groupBy(await this.service.processes(ids, host.match, args.limit)),
        [],
      );
    context.processLoaders.set(key, loader);
    return loader.load(host.id);
  }

  @ResolveField(() => [SocketCount], { description: 'Current counts, biggest first' })
  async counts(@Parent() host: HostNode, @Args() args: CountsArgs): Promise<SocketCount[]> {
    const rows = await this.service.counts(host.id, args.where);
    return rows.map((row) => ({
      ...row,
      state: row.state as TcpState,
      direction: row.direction as Direction,
    }));
  }

  @ResolveField(() => SocketList, { description: 'The current snapshot’s socket list (capped by the agent)' })
  async sockets(@Parent() host: HostNode, @Args() args: SocketsArgs): Promise<SocketList> {
    const list = await this.service.sockets(host.id, args);
    return {
      collectedAt: list.collectedAt,
      truncated: list.truncated,
      nodes: list.sockets as unknown as SocketList['nodes'],
    };
  }

  @ResolveField(() => [HistoryPoint], {
    description: 'A count over time (state, port, ...), one point per step',
  })
  history(@Parent() host: HostNode, @Args() args: HistoryArgs): Promise<HistoryPoint[]> {
    return this.service.history(host.id, args);
  }

  @ResolveField(() => [Listener], {
    nullable: true,
    description: 'Listening sockets with their accept queues; null when the agent does not report them',
  })
  async listeners(@Parent() host: HostNode): Promise<Listener[] | null> {
    const { listeners } = await this.service.peers(host.id);
    return (
      listeners?.map((listener) => ({
        ...listener,
        backlog: listener.backlog ?? null,
        process: listener.process ?? null,
        pid: listener.pid ?? null,
      })) ?? null
    );
  }

  @ResolveField(() => [Destination], {
    nullable: true,
    description: 'The busiest remote address and port pairs; null when the agent does not report them',
  })
  async destinations(@Parent() host: HostNode): Promise<Destination[] | null> {
    const { destinations } = await this.service.peers(host.id);
    return (
      destinations?.map((destination) => ({
        ...destination,
        states: Object.entries(destination.states)
          .map(([state, count]) => ({ state: state as TcpState, count: count ?? 0 }))
          .sort((a, b) => b.count - a.count || (a.state < b.state ? -1 : 1)),
      })) ?? null
    );
  }

  private node(row: HostRow, match: CountMatch | null): HostNode {
    return hostNode(row, this.service.isStale(row), match);
  }
}

function groupBy(rows: ProcessRow[]): Map<string, TopProcess[]> {
  const groups = new Map<string, TopProcess[]>();
  for (const row of rows) {
    const list = groups.get(row.hostId) ?? [];
    list.push({ name: row.name, pid: row.pid, count: row.count });
    groups.set(row.hostId, list);
  }
  return groups;
}
