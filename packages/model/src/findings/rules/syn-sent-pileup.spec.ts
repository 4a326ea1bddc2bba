import { count, healthyWebHost } from '../../../test/findings/hosts';
import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { FindingRule, type FindingInput } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { synSentPileup } from './syn-sent-pileup';

// `n` connects from node towards 10.0.9.9:5432 that nobody answers, in the counts and the destinations.
function host(n: number): FindingInput {
  const input = healthyWebHost();
  return {
    ...input,
    counts: [...input.counts, count(TcpState.SYN_SENT, Direction.OUTBOUND, 5432, 'node', n, 2210)],
    destinations: [
      ...(input.destinations ?? []),
      { address: '10.0.9.9', port: 5432, count: n, states: { [TcpState.SYN_SENT]: n } },
    ],
  };
}

describe('SYN_SENT_PILEUP', () => {
  it('warns at the threshold towards one destination, naming it and the process trying', () => {
    const findings = synSentPileup(host(20), DEFAULT_THRESHOLDS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: FindingRule.SYN_SENT_PILEUP, severity: 'warning' });
    expect(findings[0]?.evidence).toEqual({
      state: TcpState.SYN_SENT,
      port: 5432,
      direction: Direction.OUTBOUND,
      process: 'node',
      pid: 2210,
      destination: { address: '10.0.9.9', port: 5432 },
      count: 20,
      threshold: 20,
    });
    expect(findings[0]?.nextStep).toContain('nc -vz -w 3 10.0.9.9 5432');
  });

  it('stays silent just under the threshold', () => {
    expect(synSentPileup(host(19), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('is critical from the critical threshold on', () => {
    expect(synSentPileup(host(100), DEFAULT_THRESHOLDS)[0]?.severity).toBe('critical');
  });

  it('falls back to the service port when no destination in the list explains the counts', () => {
    const input = host(40);
    input.destinations = [];
    const [finding, ...rest] = synSentPileup(input, DEFAULT_THRESHOLDS);
    expect(rest).toEqual([]);
    expect(finding?.evidence).toMatchObject({ port: 5432, count: 40, process: 'node' });
    expect(finding?.evidence.destination).toBeUndefined();
    expect(finding?.title).toContain('towards port 5432');
    expect(finding?.nextStep).toContain("ss -tnp state syn-sent '( dport = :5432 )'");
  });

  it('uses PowerShell on a Windows host', () => {
    const [finding] = synSentPileup({ ...host(20), os: 'windows' }, DEFAULT_THRESHOLDS);
    expect(finding?.nextStep).toContain('Test-NetConnection -ComputerName 10.0.9.9 -Port 5432');
    expect(finding?.nextStep).toContain(
      'Get-NetTCPConnection -State SynSent -RemotePort 5432 -RemoteAddress 10.0.9.9',
    );
  });
});
