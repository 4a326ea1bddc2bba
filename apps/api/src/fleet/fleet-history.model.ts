import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { TcpState } from '@tcpfleet/model';

@ObjectType({ description: 'Sockets in one state across the fleet over one step, from the rollups in it' })
export class FleetHistoryPoint {
  @Field(() => GraphQLISODateTime, { description: 'Start of the step' }) at!: Date;
  @Field(() => Float, { description: 'Highest total in the step' }) sockets!: number;
  @Field(() => Float, { description: 'Lowest total in the step' }) minSockets!: number;
  @Field(() => Float, { description: 'Mean total over the rollups in the step' }) averageSockets!: number;
  @Field(() => Int, { description: 'Most hosts with a socket in this state at once in the step' })
  hosts!: number;
  @Field(() => Int, { description: 'Rollups in the step' }) samples!: number;
}

@ObjectType()
export class FleetStateHistory {
  @Field(() => TcpState) state!: TcpState;
  @Field(() => [FleetHistoryPoint], { description: 'One point per step holding a rollup, oldest first' })
  points!: FleetHistoryPoint[];
}

@ObjectType({ description: 'Hosts reporting over one step, from the rollups in it' })
export class FleetReportingPoint {
  @Field(() => GraphQLISODateTime, { description: 'Start of the step' }) at!: Date;
  @Field(() => Int, { description: 'Most hosts reporting at once in the step' }) hosts!: number;
  @Field(() => Int, { description: 'Rollups in the step' }) samples!: number;
}

@ObjectType({
  description:
    'The fleet over time, as the fleet totals saw it: the API writes them every minute (TCPFLEET_FLEET_ROLLUP_SECONDS)',
})
export class FleetHistory {
  @Field(() => GraphQLISODateTime) from!: Date;
  @Field(() => GraphQLISODateTime) to!: Date;
  @Field(() => Int) stepSeconds!: number;
  @Field(() => [FleetReportingPoint], { description: 'Hosts reporting, one point per step holding a rollup' })
  reporting!: FleetReportingPoint[];
  @Field(() => [FleetStateHistory], { description: 'Sockets per state over the reporting hosts' })
  states!: FleetStateHistory[];
}
