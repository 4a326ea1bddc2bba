import { FINDING_RULES, FINDING_SEVERITIES, type Finding, type FindingInput } from './finding';
import { closeWaitLeak } from './rules/close-wait-leak';
import type { Rule } from './rules/common';
import { ephemeralPortExhaustion } from './rules/ephemeral-exhaustion';
import { finWait2Pileup } from './rules/fin-wait-2-pileup';
import { hostNotReporting } from './rules/host-not-reporting';
import { lastAckPileup } from './rules/last-ack-pileup';
import { listenBacklogSaturation } from './rules/listen-backlog';
import { synReceivedPileup } from './rules/syn-received-pileup';
import { synSentPileup } from './rules/syn-sent-pileup';
import { DEFAULT_THRESHOLDS, type FindingThresholds } from './thresholds';

const RULES: readonly Rule[] = [
  hostNotReporting,
  closeWaitLeak,
  listenBacklogSaturation,
  synReceivedPileup,
  ephemeralPortExhaustion,
  synSentPileup,
  finWait2Pileup,
  lastAckPileup,
];

/**
 * Every finding about one host, most severe first, then in FindingRule order, then by evidence
 * (port, addresses, direction, process), so the same input always gives the same list.
 */
export function evaluateFindings(
  input: FindingInput,
  thresholds: FindingThresholds = DEFAULT_THRESHOLDS,
): Finding[] {
  return RULES.flatMap((rule) => rule(input, thresholds)).sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
    FINDING_RULES.indexOf(a.rule) - FINDING_RULES.indexOf(b.rule) ||
    (a.evidence.port ?? -1) - (b.evidence.port ?? -1) ||
    text(a.evidence.address, b.evidence.address) ||
    text(a.evidence.destination?.address, b.evidence.destination?.address) ||
    text(a.evidence.direction, b.evidence.direction) ||
    text(a.evidence.process, b.evidence.process) ||
    Number(a.evidence.process !== null) - Number(b.evidence.process !== null) ||
    text(a.evidence.state, b.evidence.state)
  );
}

// Code-unit order, the same on every machine; absent sorts first.
function text(a: string | null | undefined, b: string | null | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
