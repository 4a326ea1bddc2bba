import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { FindingInputsRepository } from './finding-inputs.repository';
import { FindingLevelsRepository } from './finding-levels.repository';
import { FindingsResolver, HostFindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';

@Module({
  imports: [HostsModule],
  providers: [
    FindingLevelsRepository,
    FindingInputsRepository,
    FindingsService,
    FindingsResolver,
    HostFindingsResolver,
  ],
  exports: [FindingsService, FindingLevelsRepository],
})
export class FindingsModule {}
