import { ArgsType, Field, GraphQLISODateTime, Int } from '@nestjs/graphql';
import { Direction, TcpState, TCP_STATES } from '@tcpfleet/model';
import { ArrayMaxSize, IsDate, IsEnum, IsInt, IsOptional, Length, Max, Min } from 'class-validator';

@ArgsType()
export class FleetHistoryArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: an hour before `to`' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => Int, { defaultValue: 60, description: 'Step in seconds' })
  @IsInt()
  @Min(1)
  @Max(86400 * 7)
  stepSeconds!: number;

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
