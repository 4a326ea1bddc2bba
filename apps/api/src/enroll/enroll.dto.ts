import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOSTNAME_PATTERN, WIRE_LIMITS, type EnrollRequest, type EnrollResponse } from '@tcpfleet/model';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PRINTABLE_PATTERN } from '../validation/patterns';

export class EnrollDto implements EnrollRequest {
  @ApiProperty({ example: 'web-1.example.net', maxLength: WIRE_LIMITS.maxHostnameLength })
  @IsString()
  @Length(1, WIRE_LIMITS.maxHostnameLength)
  @Matches(HOSTNAME_PATTERN, { message: 'hostname may hold letters, digits, ".", "-" and "_" only' })
  hostname!: string;

  @ApiPropertyOptional({ description: 'A stable machine identity such as /etc/machine-id', maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  @Matches(PRINTABLE_PATTERN, { message: 'machineId must not contain control characters' })
  machineId?: string;
}

export class EnrollResponseDto implements EnrollResponse {
  @ApiProperty() hostId!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty({ description: 'The host token: the Bearer credential of POST /v1/snapshots. Shown once.' })
  token!: string;
}
