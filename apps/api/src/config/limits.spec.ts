import { ConfigError, loadConfig } from './config';
import { DEFAULT_LIMITS } from './limits';

describe('rate limits and proxies from the environment', () => {
  it('defaults every limit, and turns one off at a rate of 0', () => {
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    const config = loadConfig({
      TCPFLEET_LIMIT_INGEST_ADDRESS_PER_MINUTE: '0',
      TCPFLEET_LIMIT_INGEST_TOKEN_BURST: '1000',
    });
    expect(config.limits.ingestAddress).toBeNull();
    expect(config.limits.ingestToken).toEqual({ perMinute: 60, burst: 1000 });
  });

  it('reads the proxies trusted to name the client', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TCPFLEET_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TCPFLEET_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
  });

  it.each([
    ['TCPFLEET_LIMIT_INGEST_TOKEN_PER_MINUTE', 'lots'],
    ['TCPFLEET_LIMIT_ENROLL_ADDRESS_BURST', '0'],
    ['TCPFLEET_LIMIT_ENROLL_TOKEN_PER_MINUTE', '-1'],
    ['TCPFLEET_TRUST_PROXY', 'true'],
    ['TCPFLEET_TRUST_PROXY', '10.0.0.0/99'],
  ])('stops at %s=%j, naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
});
