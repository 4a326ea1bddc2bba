import { Module, type DynamicModule } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService, LOCAL_ADMIN_SECRET } from './api-keys.service';
import { ApiKeyGuard, HostTokenGuard } from './guards';
import { HostTokensRepository } from './host-tokens.repository';
import { HostTokensService } from './host-tokens.service';

@Module({})
export class AuthModule {
  /** `localAdminSecret`: the running embedded API's secret for local admin commands, if any. */
  static forRoot(localAdminSecret: string | null): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: LOCAL_ADMIN_SECRET, useValue: localAdminSecret },
        ApiKeysRepository,
        ApiKeysService,
        HostTokensRepository,
        HostTokensService,
        ApiKeyGuard,
        HostTokenGuard,
      ],
      exports: [ApiKeysService, HostTokensService, ApiKeyGuard, HostTokenGuard],
    };
  }
}
