import { Module } from '@nestjs/common';
import { PartitionsRepository } from './partitions.repository';
import { PartitionsService } from './partitions.service';

@Module({ providers: [PartitionsRepository, PartitionsService], exports: [PartitionsService] })
export class HistoryModule {}
