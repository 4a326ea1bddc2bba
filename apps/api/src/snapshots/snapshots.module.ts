import { Module } from '@nestjs/common';
import { SnapshotReader } from './snapshot-reader';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({
  controllers: [SnapshotsController],
  providers: [SnapshotsRepository, SnapshotsService, SnapshotReader],
})
export class SnapshotsModule {}
