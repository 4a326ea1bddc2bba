import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE = 500;

/**
 * The cursor paging arguments of a list: `first` items (by default the list's own page size) after the
 * cursor `after`. A list's arguments class extends `PageArgs(size)`.
 */
export function PageArgs(defaultFirst: number) {
  @ArgsType()
  abstract class Page {
    @Field(() => Int, { defaultValue: defaultFirst }) @IsInt() @Min(1) @Max(MAX_PAGE) first!: number;

    @Field({ nullable: true, description: 'endCursor of the previous page' })
    @IsOptional()
    @MaxLength(1000)
    after?: string;
  }
  return Page;
}
