import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { TcpState } from '@tcpfleet/model';

@ObjectType({ description: 'A listening socket of the current snapshot, with its accept queue' })
export class Listener {
  @Field() address!: string;
  @Field(() => Int) port!: number;
  // Queues reach 2^32 - 1, past GraphQL's 32-bit Int.
  @Field(() => Float, { description: 'Connections completed by the kernel, waiting for accept()' })
  acceptQueue!: number;
  @Field(() => Float, { nullable: true, description: 'The most the accept queue may hold, when known' })
  backlog!: number | null;
  @Field(() => String, { nullable: true }) process!: string | null;
  @Field(() => Int, { nullable: true }) pid!: number | null;
}

@ObjectType()
export class StateCount {
  @Field(() => TcpState) state!: TcpState;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The sockets towards one remote address and port (the busiest ones)' })
export class Destination {
  @Field() address!: string;
  @Field(() => Int) port!: number;
  @Field(() => Int, { description: 'Every socket towards it, TIME_WAIT included' }) count!: number;
  @Field(() => [StateCount], { description: 'The same sockets by state, biggest first' })
  states!: StateCount[];
}
