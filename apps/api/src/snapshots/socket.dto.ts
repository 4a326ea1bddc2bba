import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Direction, TcpState, WIRE_LIMITS, type SocketCount, type WireSocket } from '@tcpfleet/model';
import { IsEnum, IsIn, IsIP, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PRINTABLE_PATTERN } from '../validation/patterns';
import { IsCount, MAX_COUNT, MAX_PID, MAX_QUEUE } from './validators';

export class CountDto implements SocketCount {
  @ApiProperty({ enum: TcpState }) @IsEnum(TcpState) state!: TcpState;
  @ApiProperty({ enum: Direction }) @IsEnum(Direction) direction!: Direction;
  @ApiProperty() @IsCount(0, 65535) port!: number;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((count: CountDto) => count.process !== null)
  @IsString()
  @MaxLength(WIRE_LIMITS.maxProcessNameLength)
  @Matches(PRINTABLE_PATTERN)
  process!: string | null;

  @ApiProperty() @IsCount(0, MAX_COUNT) count!: number;
}

export class SocketDto implements WireSocket {
  @ApiProperty({ enum: ['ipv4', 'ipv6'] }) @IsIn(['ipv4', 'ipv6']) family!: WireSocket['family'];
  @ApiProperty() @IsIP() localAddress!: string;
  @ApiProperty() @IsCount(0, 65535) localPort!: number;
  @ApiProperty() @IsIP() remoteAddress!: string;
  @ApiProperty() @IsCount(0, 65535) remotePort!: number;
  @ApiProperty({ enum: TcpState }) @IsEnum(TcpState) state!: TcpState;
  @ApiPropertyOptional() @IsOptional() @IsCount(0, MAX_QUEUE) recvQueue?: number;
  @ApiPropertyOptional() @IsOptional() @IsCount(0, MAX_QUEUE) sendQueue?: number;
  @ApiPropertyOptional() @IsOptional() @IsCount(0, MAX_PID) pid?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(WIRE_LIMITS.maxProcessNameLength)
  @Matches(PRINTABLE_PATTERN)
  process?: string;

  @ApiPropertyOptional() @IsOptional() @IsCount(0, MAX_QUEUE) uid?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) @Matches(PRINTABLE_PATTERN) netns?: string;
}
