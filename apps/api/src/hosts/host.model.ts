import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Direction, TcpState } from '@tcpfleet/model';

registerEnumType(TcpState, { name: 'TcpState', description: 'The canonical TCP socket states' });
registerEnumType(Direction, {
  name: 'Direction',
  description: 'INBOUND: a peer connected to a service of the host; OUTBOUND: the host connected out',
});

@ObjectType()
export class Label {
  @Field() key!: string;
  @Field() value!: string;
}

@ObjectType({ description: 'A process holding sockets, by name, with a pid seen for it' })
export class TopProcess {
  @Field(() => String, { nullable: true, description: 'Null when the agent could not attribute sockets' })
  name!: string | null;
  @Field(() => Int, { nullable: true }) pid!: number | null;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many sockets of a host share a state, direction, service port and process' })
export class SocketCount {
  @Field(() => TcpState) state!: TcpState;
  @Field(() => Direction) direction!: Direction;
  @Field(() => Int, { description: 'Local port for INBOUND, remote port for OUTBOUND' }) port!: number;
  @Field(() => String, { nullable: true }) process!: string | null;
  @Field(() => Int, { nullable: true }) pid!: number | null;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class Host {
  @Field() id!: string;
  @Field() hostname!: string;
  @Field(() => String, { nullable: true }) os!: string | null;
  @Field(() => String, { nullable: true }) osVersion!: string | null;
  @Field(() => String, { nullable: true }) agentVersion!: string | null;
  @Field(() => String, { nullable: true }) machineId!: string | null;
  @Field(() => [Label]) labels!: Label[];
  @Field(() => GraphQLISODateTime) enrolledAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'collectedAt of the current snapshot' })
  lastSeenAt!: Date | null;
  @Field({ description: 'True when the host stopped reporting (no snapshot within the stale threshold)' })
  stale!: boolean;
  @Field(() => Int, {
    description: 'Sockets matching the query’s socket filter; without one, all TCP sockets of the host',
  })
  count!: number;
  @Field(() => Int, { description: 'All TCP sockets the agent saw in the current snapshot' })
  socketCount!: number;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class HostConnection {
  @Field(() => [Host]) nodes!: Host[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'One socket of the current snapshot’s socket list' })
export class Socket {
  @Field() family!: string;
  @Field() localAddress!: string;
  @Field(() => Int) localPort!: number;
  @Field() remoteAddress!: string;
  @Field(() => Int) remotePort!: number;
  @Field(() => TcpState) state!: TcpState;
  // Queues and uids reach 2^32 - 1, past GraphQL's 32-bit Int.
  @Field(() => Float, { nullable: true }) recvQueue!: number | null;
  @Field(() => Float, { nullable: true }) sendQueue!: number | null;
  @Field(() => Int, { nullable: true }) pid!: number | null;
  @Field(() => String, { nullable: true }) process!: string | null;
  @Field(() => Float, { nullable: true }) uid!: number | null;
}

@ObjectType()
export class SocketList {
  @Field(() => GraphQLISODateTime, { nullable: true }) collectedAt!: Date | null;
  @Field({ description: 'True when the agent capped the list; counts are complete regardless' })
  truncated!: boolean;
  @Field(() => [Socket]) nodes!: Socket[];
}

@ObjectType({ description: 'The count of a state (and port) over one step of time, across its snapshots' })
export class HistoryPoint {
  @Field(() => GraphQLISODateTime, { description: 'Start of the step' }) at!: Date;
  @Field(() => Int, { description: 'Highest count in the step' }) count!: number;
  @Field(() => Int) min!: number;
  @Field() average!: number;
  @Field(() => Int, { description: 'Snapshots in the step' }) samples!: number;
}
