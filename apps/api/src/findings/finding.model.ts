import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Direction, FindingRule, TcpState } from '@tcpfleet/model';
import { Host, PageInfo } from '../hosts/host.model';

/** The model's severities under the names GraphQL enums use. */
export enum Severity {
  CRITICAL = 'critical',
  WARNING = 'warning',
  INFO = 'info',
}

registerEnumType(FindingRule, {
  name: 'FindingRule',
  description: 'The situations findings recognise (rules of @tcpfleet/model)',
});
registerEnumType(Severity, { name: 'FindingSeverity' });

@ObjectType({ description: 'How a count moved over the trend window' })
export class FindingTrend {
  @Field(() => Float, { description: 'The count at the first point of the window' }) from!: number;
  @Field(() => Float, { description: 'The count at the last point' }) to!: number;
  @Field(() => Int) windowSeconds!: number;
  @Field(() => Float, { description: 'Least-squares slope, sockets per minute' }) perMinute!: number;
}

@ObjectType()
export class FindingDestination {
  @Field() address!: string;
  @Field(() => Int) port!: number;
}

@ObjectType({ description: 'The numbers a finding rests on, to check on the host' })
export class FindingEvidence {
  @Field(() => TcpState, { nullable: true }) state?: TcpState;
  @Field(() => String, { nullable: true, description: 'The local address of a listener' })
  address?: string;
  @Field(() => Int, { nullable: true }) port?: number;
  @Field(() => Direction, { nullable: true }) direction?: Direction;
  @Field(() => String, { nullable: true }) process?: string | null;
  @Field(() => Int, { nullable: true }) pid?: number;
  @Field(() => FindingDestination, { nullable: true }) destination?: FindingDestination;
  // Accept queues reach 2^32 - 1, past GraphQL's 32-bit Int.
  @Field(() => Float, {
    description: 'What the rule judged: sockets, queued connections, or seconds of silence',
  })
  count!: number;
  @Field(() => Float, { nullable: true, description: 'Where the finding’s severity starts' })
  threshold?: number;
  @Field(() => Float, { nullable: true, description: 'The capacity: backlog, ephemeral range size' })
  limit?: number;
  @Field(() => FindingTrend, { nullable: true }) trend?: FindingTrend;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'For a host not reporting' })
  lastSeenAt?: Date | null;
}

@ObjectType({ description: 'Something wrong on a host, explained, with what to do next' })
export class Finding {
  @Field(() => FindingRule) rule!: FindingRule;
  @Field(() => Severity) severity!: Severity;
  @Field({ description: 'What and where, with the number' }) title!: string;
  @Field({ description: 'What is happening and why it matters' }) explanation!: string;
  @Field({ description: 'What to do now, with the commands to run' }) nextStep!: string;
  @Field(() => FindingEvidence) evidence!: FindingEvidence;
}

@ObjectType({ description: 'A finding and the host it is about' })
export class HostFinding extends Finding {
  @Field(() => Host) host!: Host;
}

@ObjectType()
export class FindingConnection {
  @Field(() => [HostFinding], { description: 'By hostname, then most severe first' })
  nodes!: HostFinding[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
