import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/guards';
import type { Config } from '../config/config';
import { InjectConfig } from '../database/database.module';

/** /metrics takes an API key like the rest of the API, unless TCPFLEET_METRICS_PUBLIC=true. */
@Injectable()
export class MetricsGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeyGuard,
    @InjectConfig() private readonly config: Config,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    return this.config.metricsPublic || this.keys.canActivate(context);
  }
}
