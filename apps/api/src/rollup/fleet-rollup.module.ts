import { Module } from '@nestjs/common';
import { FleetRollupRepository } from './fleet-rollup.repository';
import { FleetRollupService } from './fleet-rollup.service';

/** The fleet's history: its totals written every bucket (see FleetRollupService). */
@Module({ providers: [FleetRollupRepository, FleetRollupService], exports: [FleetRollupService] })
export class FleetRollupModule {}
