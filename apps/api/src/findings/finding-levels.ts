import { Direction, FindingRule, TcpState, type FindingThresholds } from '@tcpfleet/model';

/**
 * How the SQL pre-selection reads one count rule: sockets of `state` (and `direction`) added up per
 * host, direction and service port (and process when `byProcess`), as the rule adds them up.
 */
export interface CountLevel {
  rule: FindingRule;
  state: TcpState;
  direction: Direction | null;
  byProcess: boolean;
  /** The least sum that may give a finding: the warning level, or less for a trend. */
  minimum: number;
  warning: number;
  critical: number;
}

/** Severity levels in SQL: 0 may give a finding by its trend only, 1 warning, 2 critical. */
export const LEVEL = { trend: 0, warning: 1, critical: 2 } as const;

// A share compared in SQL as acceptQueue / backlog, where the rule compares acceptQueue with
// ceil(backlog * share): the margin keeps float rounding from losing a host at the boundary.
export const SHARE_MARGIN = 1e-9;

/**
 * The count rules as the model's rules add counts up (packages/model/src/findings/rules): CLOSE_WAIT
 * per process, SYN_SENT outbound only, the others per port over every process. A CLOSE_WAIT leak may
 * also be a trend below the warning level, whose last count rose by at least `minIncrease`.
 */
export function countLevels(t: FindingThresholds): CountLevel[] {
  const level = (
    rule: FindingRule,
    state: TcpState,
    levels: { warning: number; critical: number },
    direction: Direction | null = null,
  ): CountLevel => ({
    rule,
    state,
    direction,
    byProcess: false,
    minimum: levels.warning,
    warning: levels.warning,
    critical: levels.critical,
  });
  return [
    {
      ...level(FindingRule.CLOSE_WAIT_LEAK, TcpState.CLOSE_WAIT, t.closeWait),
      byProcess: true,
      minimum: Math.min(t.closeWait.warning, t.closeWait.minIncrease),
    },
    level(FindingRule.SYN_RECEIVED_PILEUP, TcpState.SYN_RECEIVED, t.synReceived),
    level(FindingRule.SYN_SENT_PILEUP, TcpState.SYN_SENT, t.synSent, Direction.OUTBOUND),
    level(FindingRule.FIN_WAIT_2_PILEUP, TcpState.FIN_WAIT_2, t.finWait2),
    level(FindingRule.LAST_ACK_PILEUP, TcpState.LAST_ACK, t.lastAck),
  ];
}

/** The states whose rules read count history (the CLOSE_WAIT trend), and how far back. */
export function trendStates(t: FindingThresholds): { states: TcpState[]; windowSeconds: number } {
  return { states: [TcpState.CLOSE_WAIT], windowSeconds: t.closeWait.windowSeconds };
}
