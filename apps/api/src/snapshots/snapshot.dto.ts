import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HOSTNAME_PATTERN,
  OS_NAMES,
  SNAPSHOT_VERSION,
  WIRE_LIMITS,
  type CollectorFacts,
  type HostFacts,
  type SnapshotV1,
} from '@tcpfleet/model';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PRINTABLE_PATTERN } from '../validation/patterns';
import { CountDto, SocketDto } from './socket.dto';
import { DestinationDto, ListenerDto } from './listener.dto';
import { IsCount, IsLabels, IsPortRange } from './validators';

export class PortRangeDto {
  @IsCount(1, 65535) low!: number;
  @IsCount(1, 65535) high!: number;
}

export class HostFactsDto implements HostFacts {
  @IsString()
  @Length(1, WIRE_LIMITS.maxHostnameLength)
  @Matches(HOSTNAME_PATTERN, { message: 'hostname may hold letters, digits, ".", "-" and "_" only' })
  hostname!: string;

  @IsIn(OS_NAMES) os!: HostFacts['os'];

  @IsString() @MaxLength(255) @Matches(PRINTABLE_PATTERN) osVersion!: string;

  @IsOptional() @IsString() @Length(1, 255) @Matches(PRINTABLE_PATTERN) machineId?: string;

  @IsString() @Length(1, 64) @Matches(PRINTABLE_PATTERN) agentVersion!: string;

  @IsLabels() labels!: Record<string, string>;

  @IsPortRange()
  @ValidateNested()
  @Type(() => PortRangeDto)
  ephemeralPortRange!: PortRangeDto;
}

export class CollectorFactsDto implements CollectorFacts {
  @IsString() @Length(1, 64) @Matches(PRINTABLE_PATTERN) source!: string;
  @IsCount(0, 3_600_000) durationMs!: number;
  @IsCount(0, 100_000_000) socketCount!: number;
  @IsBoolean() truncated!: boolean;
  @IsIn(['full', 'partial', 'none']) attribution!: CollectorFacts['attribution'];
  @IsCount(0, 1_000_000_000) spoolDropped!: number;

  @IsArray()
  @ArrayMaxSize(WIRE_LIMITS.maxWarnings)
  @IsString({ each: true })
  @MaxLength(WIRE_LIMITS.maxWarningLength, { each: true })
  warnings!: string[];
}

export class SnapshotDto implements SnapshotV1 {
  @ApiProperty({ enum: [SNAPSHOT_VERSION] })
  @IsIn([SNAPSHOT_VERSION], { message: `version must be one of: ${SNAPSHOT_VERSION}` })
  version!: typeof SNAPSHOT_VERSION;

  @ApiProperty({ description: 'Client-generated UUIDv7; a retry reuses it' })
  @IsUUID()
  id!: string;

  @ApiProperty({ example: '2026-01-01T12:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d\d:?\d\d)$/, { message: 'collectedAt must carry a time zone' })
  collectedAt!: string;

  @ApiProperty({ type: HostFactsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HostFactsDto)
  host!: HostFactsDto;

  @ApiProperty({ type: CollectorFactsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CollectorFactsDto)
  collector!: CollectorFactsDto;

  @ApiProperty({ type: [CountDto], maxItems: WIRE_LIMITS.maxCounts })
  @IsArray()
  @ArrayMaxSize(WIRE_LIMITS.maxCounts)
  @ValidateNested({ each: true })
  @Type(() => CountDto)
  counts!: CountDto[];

  @ApiProperty({ type: [SocketDto], maxItems: WIRE_LIMITS.maxSockets })
  @IsArray()
  @ArrayMaxSize(WIRE_LIMITS.maxSockets)
  @ValidateNested({ each: true })
  @Type(() => SocketDto)
  sockets!: SocketDto[];

  @ApiPropertyOptional({ type: [ListenerDto], maxItems: WIRE_LIMITS.maxListeners })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WIRE_LIMITS.maxListeners)
  @ValidateNested({ each: true })
  @Type(() => ListenerDto)
  listeners?: ListenerDto[];

  @ApiPropertyOptional({ type: [DestinationDto], maxItems: WIRE_LIMITS.maxDestinations })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WIRE_LIMITS.maxDestinations)
  @ValidateNested({ each: true })
  @Type(() => DestinationDto)
  destinations?: DestinationDto[];
}
