import { count, healthyWebHost } from '../../../test/findings/hosts';
import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { FindingRule, type FindingInput } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import type { Rule } from './common';
import { finWait2Pileup } from './fin-wait-2-pileup';
import { lastAckPileup } from './last-ack-pileup';

// The healthy host has 14 FIN_WAIT_2 (orphans, no process) and 2 LAST_ACK (nginx) on 443.
const cases: { rule: Rule; name: FindingRule; state: TcpState; base: number; process: string | null }[] = [
  {
    rule: finWait2Pileup,
    name: FindingRule.FIN_WAIT_2_PILEUP,
    state: TcpState.FIN_WAIT_2,
    base: 14,
    process: null,
  },
  {
    rule: lastAckPileup,
    name: FindingRule.LAST_ACK_PILEUP,
    state: TcpState.LAST_ACK,
    base: 2,
    process: 'nginx',
  },
];

describe.each(cases)('$name', ({ rule, name, state, base, process }) => {
  function host(total: number): FindingInput {
    const input = healthyWebHost();
    return {
      ...input,
      counts: [...input.counts, count(state, Direction.INBOUND, 443, process, total - base)],
    };
  }

  it('warns at the threshold, summed over the port', () => {
    const findings = rule(host(100), DEFAULT_THRESHOLDS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: name, severity: 'warning' });
    expect(findings[0]?.evidence).toMatchObject({
      state,
      port: 443,
      direction: Direction.INBOUND,
      count: 100,
      threshold: 100,
    });
    expect(findings[0]?.evidence.process).toBe(process);
    expect(findings[0]?.nextStep).toContain(
      `state ${state.toLowerCase().replace(/_/g, '-')} '( sport = :443 )'`,
    );
  });

  it('stays silent just under the threshold', () => {
    expect(rule(host(99), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('is critical from the critical threshold on', () => {
    expect(rule(host(1000), DEFAULT_THRESHOLDS)[0]?.severity).toBe('critical');
  });
});

describe('close pile-ups', () => {
  it('name no process when several hold the port', () => {
    const input = healthyWebHost();
    input.counts = [
      count(TcpState.FIN_WAIT_2, Direction.OUTBOUND, 8080, 'a', 60, 1),
      count(TcpState.FIN_WAIT_2, Direction.OUTBOUND, 8080, 'b', 60, 2),
    ];
    const [finding] = finWait2Pileup(input, DEFAULT_THRESHOLDS);
    expect(finding?.evidence).toMatchObject({ count: 120, process: null, direction: Direction.OUTBOUND });
    expect(finding?.evidence.pid).toBeUndefined();
  });
});
