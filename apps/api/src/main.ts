#!/usr/bin/env node
import 'reflect-metadata';
import { AdminRequestError } from './cli/admin-client';
import { ADMIN_USAGE, runAdminCommand, UsageError } from './cli/admin-commands';
import { runMigrate } from './cli/migrate';
import { serve } from './cli/serve';
import { ConfigError, loadConfig } from './config/config';
import { DomainError } from './errors/domain-error';
import { StoreLockedError } from './database/store-lock';

const USAGE = `usage: tcpfleet-api <command>
  serve                                          run the API (PORT, DATABASE_URL, TCPFLEET_DATA_DIR, ...)
  migrate                                        apply database migrations
${ADMIN_USAGE}
Configuration comes from the environment; see apps/api/README.md.`;

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  switch (command) {
    case 'serve':
      return serve(loadConfig());
    case 'migrate':
      return runMigrate(loadConfig());
    case 'key':
    case 'host-token':
      return runAdminCommand(argv, () => loadConfig());
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Expected failures end with one line naming the problem; anything else is a bug and keeps its stack. */
function report(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`tcpfleet-api: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    console.error(`tcpfleet-api: bad configuration: ${error.message}`);
    return 2;
  }
  if (
    error instanceof StoreLockedError ||
    error instanceof DomainError ||
    error instanceof AdminRequestError
  ) {
    console.error(`tcpfleet-api: ${error.message}`);
    return 1;
  }
  console.error('tcpfleet-api: failed:', error);
  return 1;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => process.exit(report(error)),
);
