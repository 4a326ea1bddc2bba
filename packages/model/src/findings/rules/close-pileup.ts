import type { TcpState } from '../../states/tcp-state';
import type { Finding, FindingInput, FindingRule } from '../finding';
import type { LevelThresholds } from '../thresholds';
import { levelOf, totalsPerPort, type PortTotal, type Rule } from './common';

/** What a close pile-up rule says about its state. */
export interface ClosePileup {
  rule: FindingRule;
  state: TcpState;
  thresholds: (all: Parameters<Rule>[1]) => LevelThresholds;
  title: (total: PortTotal) => string;
  explanation: (total: PortTotal) => string;
  nextStep: (total: PortTotal, input: FindingInput) => string;
}

/**
 * A rule for a state of a close the peer does not finish, counted per service port and direction
 * over every process: sockets the application already closed are orphans with no process.
 */
export function closePileupRule(spec: ClosePileup): Rule {
  return (input, thresholds) => {
    const findings: Finding[] = [];
    for (const total of totalsPerPort(input.counts, spec.state)) {
      const level = levelOf(total.count, spec.thresholds(thresholds));
      if (!level) continue;
      findings.push({
        rule: spec.rule,
        severity: level.severity,
        title: spec.title(total),
        explanation: spec.explanation(total),
        nextStep: spec.nextStep(total, input),
        evidence: {
          state: spec.state,
          port: total.port,
          direction: total.direction,
          process: total.process,
          ...(total.pid === undefined ? {} : { pid: total.pid }),
          count: total.count,
          threshold: level.threshold,
        },
      });
    }
    return findings;
  };
}
