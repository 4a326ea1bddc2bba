import { ArgsType, Field } from '@nestjs/graphql';
import { Direction, TcpState, TCP_STATES } from '@tcpfleet/model';
import { ArrayMaxSize, IsEnum, IsOptional, Length } from 'class-validator';
import { TimeRangeArgs } from '../graphql/time-range.args';

@ArgsType()
export class FleetHistoryArgs extends TimeRangeArgs {
  @Field(() => [TcpState], { nullable: true, description: 'Default: every state with sockets in the range' })
  @IsOptional()
  @ArrayMaxSize(TCP_STATES.length)
  @IsEnum(TcpState, { each: true })
  states?: TcpState[];

  @Field(() => [String], {
    nullable: true,
    description: 'The states in any OS spelling, instead of `states`',
  })
  @IsOptional()
  @ArrayMaxSize(TCP_STATES.length)
  @Length(1, 40, { each: true })
  stateNames?: string[];

  @Field(() => Direction, { nullable: true, description: 'Default: both directions' })
  @IsOptional()
  @IsEnum(Direction)
  direction?: Direction;
}
