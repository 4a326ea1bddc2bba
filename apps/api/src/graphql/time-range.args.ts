import { ArgsType, Field, GraphQLISODateTime, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

/** A time range and the step its points are bucketed by: a host's history and the fleet's. */
@ArgsType()
export class TimeRangeArgs {
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
}
