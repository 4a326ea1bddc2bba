import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '../config/config';
import type { Database } from './database';

export const CONFIG = Symbol('CONFIG');
export const DATABASE = Symbol('DATABASE');
export const KYSELY = Symbol('KYSELY');

/** Injects the Kysely instance; only repositories ask for it. */
export const InjectKysely = (): ParameterDecorator => Inject(KYSELY);
export const InjectConfig = (): ParameterDecorator => Inject(CONFIG);

/** The config and the already opened database, made injectable. The caller owns closing it. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: Config, database: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: DATABASE, useValue: database },
        { provide: KYSELY, useValue: database.db },
      ],
      exports: [CONFIG, DATABASE, KYSELY],
    };
  }
}
