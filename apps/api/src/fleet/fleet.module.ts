import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { FleetHistoryRepository } from './fleet-history.repository';
import { FleetHistoryService } from './fleet-history.service';
import { FleetRepository } from './fleet.repository';
import { FleetResolver } from './fleet.resolver';

@Module({
  imports: [HostsModule],
  providers: [FleetRepository, FleetHistoryRepository, FleetHistoryService, FleetResolver],
})
export class FleetModule {}
