import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { OS_NAMES, TcpState, WIRE_LIMITS } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { LabelInput } from '../hosts/label.input';

@ObjectType()
export class StateTotal {
  @Field(() => TcpState) state!: TcpState;
  @Field(() => Float, { description: 'Sockets in this state across the hosts counted' }) count!: number;
  @Field(() => Int, { description: 'Hosts with at least one socket in this state' }) hosts!: number;
}

@ObjectType()
export class Fleet {
  @Field(() => Int, { description: 'Hosts reporting (not stale) that match the filter' }) hosts!: number;
  @Field(() => Int, { description: 'Hosts that match the filter but stopped reporting' }) staleHosts!: number;
  @Field(() => [StateTotal], { description: 'Every state, over the reporting hosts' }) totals!: StateTotal[];
}

@InputType()
export class FleetWhere {
  @Field({ nullable: true, description: 'Hostname pattern: * any run, ? one character' })
  @IsOptional()
  @Length(1, WIRE_LIMITS.maxHostnameLength)
  hostname?: string;

  @Field(() => [LabelInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(WIRE_LIMITS.maxLabels)
  @ValidateNested({ each: true })
  @Type(() => LabelInput)
  labels?: LabelInput[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(OS_NAMES.length)
  @IsIn(OS_NAMES, { each: true })
  os?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30 * 86400)
  staleAfterSeconds?: number;
}
