import {
  Controller,
  createParamDecorator,
  HttpCode,
  Post,
  UseGuards,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { SnapshotReceipt } from '@tcpfleet/model';
import type { TokenHost } from '../auth/host-tokens.repository';
import { HostTokenGuard, TokenHostOf } from '../auth/guards';
import { SnapshotDto } from './snapshot.dto';
import type { SnapshotRequest } from './snapshot-body';
import type { ReceivedBody } from './snapshot-check';
import { SnapshotsService } from './snapshots.service';

/**
 * The body as snapshotBody read it off the wire, taken off the request: the request lives until the
 * answer, after the commit the snapshot waits for. Every snapshot body is read by that reader; one
 * that was not is a mistake in the API's set-up.
 */
export const TakenReceived = createParamDecorator((_: unknown, context: ExecutionContext): ReceivedBody => {
  const request = context.switchToHttp().getRequest<SnapshotRequest>();
  const received = request.received;
  if (received === undefined)
    throw new Error('the snapshot body was not read by snapshotBody (http.setup.ts)');
  request.received = undefined;
  return received;
});

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
  @ApiOperation({
    summary:
      "Store a snapshot of the token's host (JSON in UTF-8; gzip, deflate or br accepted); idempotent on id",
  })
  @ApiResponse({ status: 200, type: SnapshotReceiptDto, description: 'Committed (or stored before)' })
  @ApiResponse({ status: 400, description: 'A bad field; the body names each one; nothing stored' })
  @ApiResponse({ status: 401, description: 'Missing, unknown or revoked host token' })
  @ApiResponse({ status: 403, description: "The snapshot is not of the token's host" })
  @ApiResponse({ status: 409, description: 'The id was used before by a snapshot with other content' })
  @ApiResponse({ status: 413, description: 'The body is over the limit' })
  @ApiResponse({ status: 415, description: 'Not JSON in UTF-8, or in an encoding the API does not take' })
  @ApiResponse({ status: 503, description: 'The database is unavailable; retry after Retry-After seconds' })
  // The DTO describes the body; the service checks it with the same rules in one walk, on a worker
  // thread (snapshot-reader.ts): the snapshot is the one large body, class-validator spent
  // milliseconds on each.
  @ApiBody({ type: SnapshotDto })
  ingest(@TokenHostOf() host: TokenHost, @TakenReceived() received: ReceivedBody): Promise<SnapshotReceipt> {
    return this.snapshots.ingest(host, received);
  }
}
