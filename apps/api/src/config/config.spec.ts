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
    ['TCPFLEET_FLEET_ROLLUP_SECONDS', '0'],
    ['TCPFLEET_FLEET_ROLLUP_SECONDS', '1.5'],
  ])('names %s when it is %j', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
});
