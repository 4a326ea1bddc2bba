import fc from 'fast-check';
import { count, healthyWebHost, secondsBefore, series } from '../../test/findings/hosts';
import { TcpState } from '../states/tcp-state';
import { Direction } from '../summary/count';
import { evaluateFindings } from './evaluate';
import { FINDING_RULES, FindingRule, type FindingInput } from './finding';
import { mergeThresholds } from './validate';

const { INBOUND, OUTBOUND } = Direction;

/** The healthy host with every situation at once, each at a known severity. */
function troubledHost(): FindingInput {
  const input = healthyWebHost();
  const leak = { state: TcpState.CLOSE_WAIT, port: 8080, direction: INBOUND, process: 'java' };
  return {
    ...input,
    lastSeenAt: secondsBefore(300),
    counts: [
      ...input.counts,
      count(TcpState.CLOSE_WAIT, INBOUND, 8080, 'java', 30, 4242),
      count(TcpState.CLOSE_WAIT, OUTBOUND, 5432, 'node', 1500, 2210),
      count(TcpState.SYN_RECEIVED, INBOUND, 443, null, 200),
      count(TcpState.SYN_SENT, OUTBOUND, 6379, 'node', 25, 2210),
      count(TcpState.FIN_WAIT_2, INBOUND, 443, null, 2000),
      count(TcpState.LAST_ACK, INBOUND, 80, 'nginx', 150, 1202),
    ],
    listeners: [
      ...(input.listeners ?? []),
      { address: '0.0.0.0', port: 8080, acceptQueue: 129, backlog: 128 },
    ],
    destinations: [
      ...(input.destinations ?? []),
      { address: '10.0.0.5', port: 5432, count: 15_000, states: { [TcpState.TIME_WAIT]: 15_000 } },
    ],
    history: [...(input.history ?? []), ...series(leak, [5, 8, 10, 14, 17, 20, 23, 26, 30])],
  };
}

describe('evaluateFindings', () => {
  it('finds nothing on a busy, healthy web host', () => {
    expect(evaluateFindings(healthyWebHost())).toEqual([]);
  });

  it('finds every situation once, most severe first, then by rule, then by evidence', () => {
    const findings = evaluateFindings(troubledHost());
    expect(findings.map((f) => [f.severity, f.rule, f.evidence.port])).toEqual([
      ['critical', FindingRule.CLOSE_WAIT_LEAK, 5432],
      ['critical', FindingRule.LISTEN_BACKLOG_SATURATION, 8080],
      ['critical', FindingRule.FIN_WAIT_2_PILEUP, 443],
      ['warning', FindingRule.HOST_NOT_REPORTING, undefined],
      ['warning', FindingRule.CLOSE_WAIT_LEAK, 8080],
      ['warning', FindingRule.SYN_RECEIVED_PILEUP, 443],
      ['warning', FindingRule.EPHEMERAL_PORT_EXHAUSTION, 5432],
      ['warning', FindingRule.SYN_SENT_PILEUP, 6379],
      ['warning', FindingRule.LAST_ACK_PILEUP, 80],
    ]);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(FINDING_RULES));
  });

  it('gives the same list whatever the order of its input', () => {
    const input = troubledHost();
    const expected = evaluateFindings(input);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...input.counts], { minLength: input.counts.length }),
        fc.shuffledSubarray([...(input.history ?? [])], { minLength: input.history?.length ?? 0 }),
        fc.shuffledSubarray([...(input.listeners ?? [])], { minLength: input.listeners?.length ?? 0 }),
        (counts, history, listeners) => {
          expect(evaluateFindings({ ...input, counts, history, listeners })).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('applies the thresholds it is given', () => {
    const strict = mergeThresholds({ closeWait: { warning: 3 }, finWait2: { warning: 10 } });
    const findings = evaluateFindings(healthyWebHost(), strict);
    expect(findings.map((f) => [f.rule, f.evidence.port, f.evidence.count])).toEqual([
      [FindingRule.CLOSE_WAIT_LEAK, 443, 3],
      [FindingRule.FIN_WAIT_2_PILEUP, 443, 14],
    ]);
  });

  it('writes every finding in full: a title, an explanation and a next step', () => {
    for (const finding of evaluateFindings(troubledHost())) {
      for (const text of [finding.title, finding.explanation, finding.nextStep]) {
        expect(text.length).toBeGreaterThan(20);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
});
