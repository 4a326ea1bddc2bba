import { availableParallelism } from 'node:os';
import { WIRE_LIMITS } from '@tcpfleet/model';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: null,
      enrollSecret: null,
      adminKey: null,
      staleAfterSeconds: 300,
      retentionDays: 14,
      maxBodyBytes: WIRE_LIMITS.maxBodyBytes,
      ingestTransactions: 2,
      fleetRollupSeconds: 60,
    });
    expect(config.dataDir).toMatch(/\.tcpfleet\/data$/);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['TCPFLEET_ENROLL_SECRET', 'short'],
    ['TCPFLEET_ADMIN_KEY', 'has white space in it'],
    ['TCPFLEET_RETENTION_DAYS', '0'],
    ['TCPFLEET_STALE_AFTER_SECONDS', '-5'],
    ['TCPFLEET_INGEST_TRANSACTIONS', '0'],
    ['TCPFLEET_INGEST_WORKERS', '-1'],
    ['TCPFLEET_INGEST_WORKERS', '65'],
    ['TCPFLEET_INGEST_WORKERS', 'all'],
    ['TCPFLEET_FLEET_ROLLUP_SECONDS', '0'],
    ['TCPFLEET_FLEET_ROLLUP_SECONDS', '1.5'],
  ])('names %s when it is %j', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });

  it('checks snapshots on a worker thread per spare core, at least one, at most four; 0 on the main thread', () => {
    expect(loadConfig({}).ingestWorkers).toBe(Math.max(1, Math.min(4, availableParallelism() - 1)));
    expect(loadConfig({ TCPFLEET_INGEST_WORKERS: '0' }).ingestWorkers).toBe(0);
  });
});
