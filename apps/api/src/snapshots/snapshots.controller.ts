import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { SnapshotReceipt, SnapshotV1 } from '@tcpfleet/model';
import type { TokenHost } from '../auth/host-tokens.repository';
import { HostTokenGuard, TokenHostOf } from '../auth/guards';
import { SnapshotDto } from './snapshot.dto';
import type { ReceivedBody } from './snapshot-body';
import { SnapshotPipe, TakenBody, TakenReceived } from './snapshot.validation';
import { SnapshotsService } from './snapshots.service';

class SnapshotReceiptDto implements SnapshotReceipt {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'False when this id had been stored before: nothing was written again' })
  created!: boolean;
  @ApiProperty({ description: 'False when the host already had a newer snapshot: stored as history only' })
  current!: boolean;
}

@ApiTags('agents')
@Controller('v1/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post()
  @HttpCode(200)
  @UseGuards(HostTokenGuard)
  @ApiBearerAuth('hostToken')
  @ApiOperation({ summary: "Store a snapshot of the token's host (JSON, gzip accepted); idempotent on id" })
  @ApiResponse({ status: 200, type: SnapshotReceiptDto, description: 'Committed (or stored before)' })
  @ApiResponse({ status: 400, description: 'A bad field; the body names each one; nothing stored' })
  @ApiResponse({ status: 401, description: 'Missing, unknown or revoked host token' })
  @ApiResponse({ status: 403, description: "The snapshot is not of the token's host" })
  @ApiResponse({ status: 409, description: 'The id was used before by a snapshot with other content' })
  @ApiResponse({ status: 413, description: 'The body is over the limit' })
  @ApiResponse({ status: 503, description: 'The database is unavailable; retry after Retry-After seconds' })
  // The DTO describes the body; SnapshotPipe checks it with the same rules in one walk (the snapshot
  // is the one large body: class-validator spent milliseconds on each).
  @ApiBody({ type: SnapshotDto })
  ingest(
    @TokenHostOf() host: TokenHost,
    @TakenBody(SnapshotPipe) snapshot: SnapshotV1,
    @TakenReceived() received: ReceivedBody,
  ): Promise<SnapshotReceipt> {
    return this.snapshots.ingest(host, snapshot, received);
  }
}
