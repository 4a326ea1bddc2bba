import { count, healthyWebHost } from '../../../test/findings/hosts';
import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { FindingRule, type FindingInput } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { synReceivedPileup } from './syn-received-pileup';

// The healthy host has 4 SYN_RECEIVED on 443 already; `extra` more arrive, unattributed as /proc has them.
function host(extra: number): FindingInput {
  const input = healthyWebHost();
  return {
    ...input,
    counts: [...input.counts, count(TcpState.SYN_RECEIVED, Direction.INBOUND, 443, null, extra)],
  };
}

describe('SYN_RECEIVED_PILEUP', () => {
  it('warns at the threshold on the listening port, naming the listener process', () => {
    const findings = synReceivedPileup(host(96), DEFAULT_THRESHOLDS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: FindingRule.SYN_RECEIVED_PILEUP, severity: 'warning' });
    expect(findings[0]?.evidence).toEqual({
      state: TcpState.SYN_RECEIVED,
      port: 443,
      direction: Direction.INBOUND,
      process: 'nginx',
      pid: 1201,
      count: 100,
      threshold: 100,
    });
    expect(findings[0]?.title).toBe('100 half-open handshakes (SYN_RECEIVED) on port 443');
    expect(findings[0]?.nextStep).toContain("ss -tnp state syn-recv '( sport = :443 )'");
  });

  it('stays silent just under the threshold', () => {
    expect(synReceivedPileup(host(95), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('is critical from the critical threshold on', () => {
    const [finding] = synReceivedPileup(host(996), DEFAULT_THRESHOLDS);
    expect(finding?.severity).toBe('critical');
    expect(finding?.evidence.count).toBe(1000);
  });

  it('leaves the process null when nobody is seen listening on the port', () => {
    const input = healthyWebHost();
    input.counts = [count(TcpState.SYN_RECEIVED, Direction.INBOUND, 8443, null, 300)];
    const [finding] = synReceivedPileup(input, DEFAULT_THRESHOLDS);
    expect(finding?.evidence.process).toBeNull();
    expect(finding?.evidence.pid).toBeUndefined();
  });
});
