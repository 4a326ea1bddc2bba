import { Field, InputType } from '@nestjs/graphql';
import { WIRE_LIMITS } from '@tcpfleet/model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { LabelInput } from './label.input';

/** Which hosts, by name pattern and labels: the part of a filter the hosts and findings queries share. */
@InputType({ isAbstract: true })
export abstract class HostSelection {
  @Field({ nullable: true, description: 'Hostname pattern, case-insensitive: * any run, ? one character' })
  @IsOptional()
  @Length(1, WIRE_LIMITS.maxHostnameLength)
  hostname?: string;

  @Field(() => [LabelInput], { nullable: true, description: 'Hosts carrying every one of these labels' })
  @IsOptional()
  @ArrayMaxSize(WIRE_LIMITS.maxLabels)
  @ValidateNested({ each: true })
  @Type(() => LabelInput)
  labels?: LabelInput[];
}
