import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Direction, TcpState } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../graphql/page.args';
import { TimeRangeArgs } from '../graphql/time-range.args';
import { HostOrder, HostWhere, SocketCountFilter, SocketFilter } from './hosts.input';

@ArgsType()
export class HostsArgs extends PageArgs(50) {
  @Field(() => HostWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HostWhere)
  where?: HostWhere;

  @Field(() => HostOrder, {
    nullable: true,
    description: 'Default: COUNT DESC with a socket filter, else HOSTNAME',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HostOrder)
  orderBy?: HostOrder;
}

@ArgsType()
export class CountsArgs {
  @Field(() => SocketCountFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocketCountFilter)
  where?: SocketCountFilter;
}

@ArgsType()
export class TopProcessesArgs {
  @Field(() => Int, { defaultValue: 5 }) @IsInt() @Min(1) @Max(50) limit!: number;
}

@ArgsType()
export class SocketsArgs {
  @Field(() => SocketFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocketFilter)
  where?: SocketFilter;

  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(1) @Max(5000) first!: number;
}

@ArgsType()
export class HistoryArgs extends TimeRangeArgs {
  @Field(() => TcpState, { nullable: true }) @IsOptional() @IsEnum(TcpState) state?: TcpState;
  @Field({ nullable: true, description: 'The state in any OS spelling' })
  @IsOptional()
  @Length(1, 40)
  stateName?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(65535) port?: number;
  @Field(() => Direction, { nullable: true }) @IsOptional() @IsEnum(Direction) direction?: Direction;
  @Field({ nullable: true }) @IsOptional() @MaxLength(255) process?: string;
}
