import { DEFAULT_THRESHOLDS, THRESHOLD_FIELDS } from '@tcpfleet/model';
import { ConfigError, loadConfig } from './config';
import { thresholdVariable } from './thresholds';

describe('finding thresholds from the environment', () => {
  it('names each threshold by a variable of its own', () => {
    expect(thresholdVariable('closeWait.windowSeconds')).toBe('TCPFLEET_FINDING_CLOSE_WAIT_WINDOW_SECONDS');
    expect(thresholdVariable('finWait2.warning')).toBe('TCPFLEET_FINDING_FIN_WAIT_2_WARNING');
    expect(new Set(THRESHOLD_FIELDS.map(thresholdVariable)).size).toBe(THRESHOLD_FIELDS.length);
  });

  it('keeps the defaults and applies overrides', () => {
    expect(loadConfig({}).thresholds).toEqual(DEFAULT_THRESHOLDS);
    const config = loadConfig({
      TCPFLEET_FINDING_CLOSE_WAIT_WARNING: '40',
      TCPFLEET_FINDING_EPHEMERAL_WARNING_SHARE: '0.25',
    });
    expect(config.thresholds.closeWait).toEqual({ ...DEFAULT_THRESHOLDS.closeWait, warning: 40 });
    expect(config.thresholds.ephemeral.warningShare).toBe(0.25);
  });

  it.each([
    ['TCPFLEET_FINDING_CLOSE_WAIT_WARNING', 'many'],
    ['TCPFLEET_FINDING_CLOSE_WAIT_WARNING', '0'],
    ['TCPFLEET_FINDING_SYN_SENT_WARNING', '500'],
    ['TCPFLEET_FINDING_EPHEMERAL_CRITICAL_SHARE', '1.5'],
    ['TCPFLEET_FINDING_NO_SUCH_THING', '3'],
  ])('stops at %s=%j, naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
});
