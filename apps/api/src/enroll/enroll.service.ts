import { Injectable } from '@nestjs/common';
import type { EnrollResponse } from '@tcpfleet/model';
import { randomUUID } from 'node:crypto';
import { HostTokensService } from '../auth/host-tokens.service';
import { sameSecret } from '../auth/secrets';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';
import { DomainError } from '../errors/domain-error';
import type { EnrollDto } from './enroll.dto';
import { EnrollRepository } from './enroll.repository';

@Injectable()
export class EnrollService {
  constructor(
    private readonly hosts: EnrollRepository,
    private readonly tokens: HostTokensService,
    @InjectConfig() private readonly config: Config,
  ) {}

  /**
   * Exchanges the fleet's enrolment secret for a token bound to one host. Enrolling a known hostname
   * again (a reinstalled agent) gives another token for the same host, unless the host reported a
   * different machine id: then the name belongs to another machine.
   */
  async enroll(secret: string | null, request: EnrollDto): Promise<EnrollResponse> {
    if (!this.config.enrollSecret) {
      throw new DomainError(
        'enrollment_disabled',
        'enrolment is disabled: start the API with TCPFLEET_ENROLL_SECRET set to the fleet enrolment secret',
      );
    }
    if (!secret || !sameSecret(secret, this.config.enrollSecret)) {
      throw new DomainError(
        'unauthenticated',
        'the enrolment secret is missing or wrong (Authorization: Bearer <secret>)',
      );
    }
    const machineId = request.machineId ?? null;
    const host = await this.hosts.findOrCreate({
      hostId: randomUUID(),
      hostname: request.hostname,
      machineId,
    });
    if (!host.created && machineId !== null) {
      if (host.machineId !== null && host.machineId !== machineId) {
        throw new DomainError(
          'conflict',
          `hostname ${request.hostname} is enrolled by a machine with another machine id; rename this host or delete the other`,
          [{ field: 'machineId', reason: 'differs from the machine id the hostname was enrolled with' }],
        );
      }
      if (host.machineId === null) await this.hosts.setMachineId(host.hostId, machineId);
    }
    const token = await this.tokens.issue(host.hostId);
    return { hostId: host.hostId, hostname: host.hostname, token };
  }
}
