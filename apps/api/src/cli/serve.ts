import { startApi } from '../api';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Config } from '../config/config';

/** `serve`: runs the API until SIGINT or SIGTERM, then closes the server and the database in order. */
export async function serve(config: Config): Promise<void> {
  const api = await startApi(config, { logger: ['error', 'warn'] });
  const store =
    api.database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`tcpfleet-api listening on ${config.host}:${api.port}, database: ${store}`);
  console.log(`  GraphQL and its IDE: /graphql   REST: /openapi.json   health: /healthz /readyz`);
  if (!config.enrollSecret)
    console.log('  enrolment is disabled: set TCPFLEET_ENROLL_SECRET to let agents enrol');
  if (!(await api.app.get(ApiKeysService).hasAnyKey())) {
    console.log('  no API key exists yet; create an admin key (works while this runs):');
    console.log('    pnpm --silent tcpfleet-api key create --name admin --role admin');
    console.log('  or set TCPFLEET_ADMIN_KEY (16+ characters) before starting');
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await api.close();
}
