import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { TCP_STATES } from '@tcpfleet/model';
import { ApiKeyGuard } from '../auth/guards';
import { Staleness } from '../hosts/hosts.input';
import { HostsService } from '../hosts/hosts.service';
import { FleetHistoryArgs } from './fleet-history.args';
import { FleetHistory } from './fleet-history.model';
import { FleetHistoryService } from './fleet-history.service';
import { FleetRepository } from './fleet.repository';
import { Fleet, FleetWhere } from './fleet.model';

@Resolver(() => Fleet)
@UseGuards(ApiKeyGuard)
export class FleetResolver {
  constructor(
    private readonly totals: FleetRepository,
    private readonly hosts: HostsService,
    private readonly history: FleetHistoryService,
  ) {}

  @Query(() => Fleet, { description: 'Fleet-wide totals per state over the hosts that report' })
  async fleet(@Args('where', { type: () => FleetWhere, nullable: true }) where?: FleetWhere): Promise<Fleet> {
    const filter = this.hosts.filterOf({ ...where, staleness: Staleness.FRESH }, new Date());
    const [counts, rows] = await Promise.all([this.totals.hostCounts(filter), this.totals.totals(filter)]);
    const byState = new Map(rows.map((row) => [row.state, row]));
    return {
      hosts: counts.fresh,
      staleHosts: counts.stale,
      totals: TCP_STATES.map((state) => ({
        state,
        count: byState.get(state)?.count ?? 0,
        hosts: byState.get(state)?.hosts ?? 0,
      })),
    };
  }

  @Query(() => FleetHistory, {
    description: 'The fleet totals over time: hosts reporting and sockets per state, one point per step',
  })
  fleetHistory(@Args() args: FleetHistoryArgs): Promise<FleetHistory> {
    return this.history.read(args);
  }
}
