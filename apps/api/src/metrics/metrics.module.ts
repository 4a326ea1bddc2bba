import { Global, Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { FleetMetricsRepository } from './fleet-metrics.repository';
import { FleetMetricsService } from './fleet-metrics.service';
import { MetricsController } from './metrics.controller';
import { MetricsGuard } from './metrics.guard';
import { MetricsService } from './metrics.service';

/** Global: ingestion, the HTTP setup and GraphQL record into the one MetricsService. */
@Global()
@Module({
  imports: [FindingsModule],
  controllers: [MetricsController],
  providers: [MetricsService, FleetMetricsRepository, FleetMetricsService, MetricsGuard],
  exports: [MetricsService],
})
export class MetricsModule {}
