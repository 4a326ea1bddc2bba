import { Module } from '@nestjs/common';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsRepository } from './snapshots.repository';
import { SnapshotsService } from './snapshots.service';

@Module({ controllers: [SnapshotsController], providers: [SnapshotsRepository, SnapshotsService] })
export class SnapshotsModule {}
