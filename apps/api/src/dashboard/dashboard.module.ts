import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { BUILD_HINT, DashboardFiles } from './dashboard.files';

/** Serves the web dashboard (apps/dashboard) at /dashboard/; `/` leads there. */
@Module({
  controllers: [DashboardController],
  providers: [{ provide: DashboardFiles, useValue: new DashboardFiles() }],
})
export class DashboardModule implements OnModuleInit {
  constructor(private readonly files: DashboardFiles) {}

  onModuleInit(): void {
    const missing = this.files.missing();
    if (missing.length > 0)
      new Logger('Dashboard').warn(`${BUILD_HINT} (missing in ${this.files.dir}: ${missing.join(', ')})`);
  }
}
