import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { FindingRule, WIRE_LIMITS } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PAGE } from '../hosts/hosts.args';
import { LabelInput } from '../hosts/hosts.input';
import { Severity } from './finding.model';

@InputType({ description: 'Which findings to list: all given conditions hold; a list means any of' })
export class FindingWhere {
  @Field(() => [Severity], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(Severity, { each: true })
  severity?: Severity[];

  @Field(() => [FindingRule], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.keys(FindingRule).length)
  @IsEnum(FindingRule, { each: true })
  rule?: FindingRule[];

  @Field(() => [LabelInput], { nullable: true, description: 'Hosts carrying every one of these labels' })
  @IsOptional()
  @ArrayMaxSize(WIRE_LIMITS.maxLabels)
  @ValidateNested({ each: true })
  @Type(() => LabelInput)
  labels?: LabelInput[];

  @Field({ nullable: true, description: 'Hostname pattern, case-insensitive: * any run, ? one character' })
  @IsOptional()
  @Length(1, WIRE_LIMITS.maxHostnameLength)
  hostname?: string;
}

@ArgsType()
export class FindingsArgs {
  @Field(() => FindingWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingWhere)
  where?: FindingWhere;

  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(1) @Max(MAX_PAGE) first!: number;

  @Field({ nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @MaxLength(1000)
  after?: string;
}
