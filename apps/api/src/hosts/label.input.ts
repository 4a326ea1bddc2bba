import { Field, InputType } from '@nestjs/graphql';
import { LABEL_KEY_PATTERN, WIRE_LIMITS } from '@tcpfleet/model';
import { Length, Matches, MaxLength } from 'class-validator';

@InputType()
export class LabelInput {
  @Field() @Length(1, WIRE_LIMITS.maxLabelKeyLength) @Matches(LABEL_KEY_PATTERN) key!: string;
  @Field() @MaxLength(WIRE_LIMITS.maxLabelValueLength) value!: string;
}
