import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Direction, OS_NAMES, TcpState, WIRE_LIMITS } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HostSelection } from './host-selection.input';

export enum Staleness {
  FRESH = 'FRESH',
  STALE = 'STALE',
  ANY = 'ANY',
}
registerEnumType(Staleness, {
  name: 'Staleness',
  description: 'FRESH: hosts reporting within the stale threshold (the default); STALE: hosts that stopped',
});

export enum HostSortField {
  COUNT = 'COUNT',
  HOSTNAME = 'HOSTNAME',
  LAST_SEEN_AT = 'LAST_SEEN_AT',
}
registerEnumType(HostSortField, { name: 'HostSortField' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'Which sockets to count: all given conditions hold' })
export class SocketCountFilter {
  @Field(() => TcpState, { nullable: true }) @IsOptional() @IsEnum(TcpState) state?: TcpState;

  @Field({
    nullable: true,
    description: 'The state in any OS spelling: SYN_RCVD, SYN-RECV, SynReceived, FIN_WAIT',
  })
  @IsOptional()
  @Length(1, 40)
  stateName?: string;

  @Field(() => Direction, { nullable: true }) @IsOptional() @IsEnum(Direction) direction?: Direction;

  @Field(() => Int, { nullable: true, description: 'Service port' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  port?: number;

  @Field({ nullable: true, description: 'Process name, exactly' })
  @IsOptional()
  @MaxLength(WIRE_LIMITS.maxProcessNameLength)
  process?: string;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) countGt?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) countGte?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) countLt?: number;
}

@InputType()
export class HostWhere extends HostSelection {
  @Field(() => SocketCountFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocketCountFilter)
  sockets?: SocketCountFilter;

  @Field(() => [String], { nullable: true, description: `Any of: ${OS_NAMES.join(', ')}` })
  @IsOptional()
  @ArrayMaxSize(OS_NAMES.length)
  @IsIn(OS_NAMES, { each: true })
  os?: string[];

  @Field(() => Staleness, { nullable: true, defaultValue: Staleness.FRESH })
  @IsOptional()
  @IsEnum(Staleness)
  staleness?: Staleness;

  @Field(() => Int, { nullable: true, description: 'Override the server’s stale threshold, in seconds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30 * 86400)
  staleAfterSeconds?: number;
}

@InputType()
export class HostOrder {
  @Field(() => HostSortField) @IsEnum(HostSortField) field!: HostSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

@InputType()
export class SocketFilter {
  @Field(() => TcpState, { nullable: true }) @IsOptional() @IsEnum(TcpState) state?: TcpState;
  @Field({ nullable: true }) @IsOptional() @Length(1, 40) stateName?: string;
  @Field(() => Int, { nullable: true, description: 'Local or remote port' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  port?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(WIRE_LIMITS.maxProcessNameLength) process?: string;
}
