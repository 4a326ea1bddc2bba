import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { FindingRule } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../graphql/page.args';
import { HostSelection } from '../hosts/host-selection.input';
import { Severity } from './finding.model';

@InputType({ description: 'Which findings to list: all given conditions hold; a list means any of' })
export class FindingWhere extends HostSelection {
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
}

@ArgsType()
export class FindingsArgs extends PageArgs(100) {
  @Field(() => FindingWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FindingWhere)
  where?: FindingWhere;
}
