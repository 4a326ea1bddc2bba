import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { FindingRule, WIRE_LIMITS } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, Length, ValidateNested } from 'class-validator';
import { PageArgs } from '../graphql/page.args';
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
export class FindingsArgs extends PageArgs(100) {
  @Field(() => FindingWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingWhere)
  where?: FindingWhere;
}
