import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { FleetRepository } from './fleet.repository';
import { FleetResolver } from './fleet.resolver';

@Module({ imports: [HostsModule], providers: [FleetRepository, FleetResolver] })
export class FleetModule {}
