import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { Module, type DynamicModule } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import type { Config } from './config/config';
import type { Database } from './database/database';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { EnrollModule } from './enroll/enroll.module';
import { FindingsModule } from './findings/findings.module';
import { FleetModule } from './fleet/fleet.module';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { HostsModule } from './hosts/hosts.module';
import { IdeModule } from './ide/ide.module';
import { MetricsModule } from './metrics/metrics.module';
import { MetricsService } from './metrics/metrics.service';
import { FleetRollupModule } from './rollup/fleet-rollup.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { StatesModule } from './states/states.module';

@Module({})
export class AppModule {
  static forRoot(config: Config, database: Database, localAdminSecret: string | null): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, database),
        AuthModule.forRoot(localAdminSecret),
        MetricsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => graphqlOptions(metrics),
        }),
        HealthModule,
        EnrollModule,
        SnapshotsModule,
        HistoryModule,
        HostsModule,
        FleetModule,
        FleetRollupModule,
        FindingsModule,
        StatesModule,
        AdminModule,
        IdeModule,
        DashboardModule,
      ],
    };
  }
}
