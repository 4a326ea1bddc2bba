import { Module } from '@nestjs/common';
import { HostDetailRepository } from './host-detail.repository';
import { HostsRepository } from './hosts.repository';
import { HostsResolver } from './hosts.resolver';
import { HostsService } from './hosts.service';

@Module({
  providers: [HostsRepository, HostDetailRepository, HostsService, HostsResolver],
  exports: [HostsService],
})
export class HostsModule {}
