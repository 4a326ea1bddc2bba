import { UseGuards } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Finding as ModelFinding } from '@tcpfleet/model';
import { ApiKeyGuard } from '../auth/guards';
import { BatchLoader } from '../hosts/batch-loader';
import { hostNode, type HostNode } from '../hosts/host-node';
import { Host } from '../hosts/host.model';
import { Finding, FindingConnection, type Severity } from './finding.model';
import { FindingsArgs } from './findings.args';
import { FindingsService } from './findings.service';

interface RequestContext {
  findingLoader?: BatchLoader<string, ModelFinding[]>;
}

/** The model's finding as GraphQL shows it. */
export function findingOf(finding: ModelFinding): Finding {
  const { lastSeenAt, ...evidence } = finding.evidence;
  return {
    ...finding,
    severity: finding.severity as Severity,
    evidence: {
      ...evidence,
      ...(lastSeenAt === undefined ? {} : { lastSeenAt: lastSeenAt === null ? null : new Date(lastSeenAt) }),
    },
  };
}

@Resolver(() => Host)
@UseGuards(ApiKeyGuard)
export class HostFindingsResolver {
  constructor(private readonly service: FindingsService) {}

  @ResolveField(() => [Finding], { description: 'What is wrong on the host now, most severe first' })
  async findings(@Parent() host: HostNode, @Context() context: RequestContext): Promise<Finding[]> {
    // One evaluation for every host of a list, as topProcesses does.
    context.findingLoader ??= new BatchLoader((ids) => this.service.forHosts(ids), []);
    return (await context.findingLoader.load(host.id)).map(findingOf);
  }
}

@Resolver(() => FindingConnection)
@UseGuards(ApiKeyGuard)
export class FindingsResolver {
  constructor(private readonly service: FindingsService) {}

  @Query(() => FindingConnection, {
    description: 'Findings across the fleet with the hosts they are about, by hostname',
  })
  async findings(@Args() args: FindingsArgs): Promise<FindingConnection> {
    const page = await this.service.page(args);
    return {
      nodes: page.nodes.map(({ host, finding }) => ({
        ...findingOf(finding),
        host: hostNode(host, this.service.isStale(host), null),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
