import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TcpState, WIRE_LIMITS, type WireDestination, type WireListener } from '@tcpfleet/model';
import { IsIP, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PRINTABLE_PATTERN } from '../validation/patterns';
import { IsCount, IsStateCounts, MAX_COUNT, MAX_PID, MAX_QUEUE } from './validators';

/** A LISTEN socket with its accept queue, for the backlog finding. */
export class ListenerDto implements WireListener {
  @ApiProperty() @IsIP() address!: string;
  @ApiProperty() @IsCount(0, 65535) port!: number;
  @ApiProperty({ description: 'Connections waiting for accept()' })
  @IsCount(0, MAX_QUEUE)
  acceptQueue!: number;
  @ApiPropertyOptional({ description: 'The most the accept queue may hold' })
  @IsOptional()
  @IsCount(0, MAX_QUEUE)
  backlog?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(WIRE_LIMITS.maxProcessNameLength)
  @Matches(PRINTABLE_PATTERN)
  process?: string;

  @ApiPropertyOptional() @IsOptional() @IsCount(0, MAX_PID) pid?: number;
}

/** The sockets towards one remote address and port, for the SYN_SENT and ephemeral-port findings. */
export class DestinationDto implements WireDestination {
  @ApiProperty() @IsIP() address!: string;
  @ApiProperty() @IsCount(0, 65535) port!: number;
  @ApiProperty({ description: 'Every socket towards it, TIME_WAIT included' })
  @IsCount(0, MAX_COUNT)
  count!: number;

  @ApiProperty({ description: 'The same sockets by state', example: { TIME_WAIT: 120, ESTABLISHED: 4 } })
  @IsStateCounts(MAX_COUNT)
  states!: Partial<Record<TcpState, number>>;
}
