import { NestFactory } from '@nestjs/core';
import type { LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { removeLocalAdminSecret, writeLocalAdminSecret } from './auth/local-admin';
import type { Config } from './config/config';
import { MIGRATIONS_DIR } from './config/paths';
import { openDatabase, type Database } from './database/database';
import { migrate, readMigrations } from './database/migrator';
import { PartitionsService } from './history/partitions.service';
import { configureHttp } from './http.setup';

export interface RunningApi {
  app: NestExpressApplication;
  database: Database;
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: LogLevel[] | false;
}

/** Opens the database, migrates it, starts the HTTP server; `close` undoes all of it in order. */
export async function startApi(config: Config, options: StartOptions = {}): Promise<RunningApi> {
  const database = await openDatabase(config, 'serve');
  try {
    await migrate(database.db, readMigrations(MIGRATIONS_DIR));
    const localSecret = database.engine === 'pglite' ? writeLocalAdminSecret(config.dataDir) : null;
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, database, localSecret),
      {
        bodyParser: false,
        logger: options.logger ?? ['error', 'warn'],
        abortOnError: false,
      },
    );
    configureHttp(app, config);
    await app.init();
    await app.get(PartitionsService).start();
    await app.listen(config.port, config.host);
    const port = (app.getHttpServer().address() as AddressInfo).port;
    database.lock?.setPort(port);
    const close = async (): Promise<void> => {
      await app.close();
      if (database.engine === 'pglite') removeLocalAdminSecret(config.dataDir);
      await database.close();
    };
    return { app, database, port, url: `http://127.0.0.1:${port}`, close };
  } catch (error) {
    if (database.engine === 'pglite') removeLocalAdminSecret(config.dataDir);
    await database.close();
    throw error;
  }
}
