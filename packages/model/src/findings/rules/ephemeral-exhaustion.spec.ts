import { healthyWebHost } from '../../../test/findings/hosts';
import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { FindingRule, type FindingInput } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { ephemeralPortExhaustion } from './ephemeral-exhaustion';

// The default Linux range 32768-60999 holds 28232 ports: 50% is 14116, 80% is 22586 (rounded up).
function host(timeWait: number, established = 0): FindingInput {
  const input = healthyWebHost();
  const states = { [TcpState.TIME_WAIT]: timeWait, [TcpState.ESTABLISHED]: established };
  const destination = { address: '10.0.0.5', port: 5432, count: timeWait + established, states };
  return { ...input, destinations: [...(input.destinations ?? []), destination] };
}

describe('EPHEMERAL_PORT_EXHAUSTION', () => {
  it('warns at half the range towards one destination, TIME_WAIT included', () => {
    const findings = ephemeralPortExhaustion(host(14_000, 116), DEFAULT_THRESHOLDS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: FindingRule.EPHEMERAL_PORT_EXHAUSTION, severity: 'warning' });
    expect(findings[0]?.evidence).toEqual({
      port: 5432,
      direction: Direction.OUTBOUND,
      destination: { address: '10.0.0.5', port: 5432 },
      count: 14_116,
      threshold: 14_116,
      limit: 28_232,
    });
    expect(findings[0]?.explanation).toContain('(14000 in TIME_WAIT)');
    expect(findings[0]?.explanation).toContain('32768-60999 (28232 ports)');
  });

  it('stays silent one socket under half the range', () => {
    expect(ephemeralPortExhaustion(host(14_115), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('is critical at 80% of the range', () => {
    expect(ephemeralPortExhaustion(host(22_585), DEFAULT_THRESHOLDS)[0]?.severity).toBe('warning');
    expect(ephemeralPortExhaustion(host(22_586), DEFAULT_THRESHOLDS)[0]?.severity).toBe('critical');
  });

  it('measures against the host range given: a small range fills early', () => {
    const input = { ...host(600), ephemeralRange: { low: 61000, high: 61999 } };
    const [finding, ...rest] = ephemeralPortExhaustion(input, DEFAULT_THRESHOLDS);
    expect(rest).toEqual([]);
    expect(finding?.evidence).toMatchObject({ count: 600, threshold: 500, limit: 1000 });
  });
});
