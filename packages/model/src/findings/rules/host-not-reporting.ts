import { FindingRule, type Finding, type FindingInput } from '../finding';
import type { FindingThresholds } from '../thresholds';
import { duration, type Rule } from './common';

/**
 * No snapshot for longer than the staleness the caller allows; critical after
 * `hostSilence.criticalAfterSeconds`. A host that never reported is judged from its enrolment.
 */
export const hostNotReporting: Rule = (input, thresholds) => {
  const since = input.lastSeenAt ?? input.enrolledAt ?? null;
  const silent = since === null ? undefined : Math.max(0, (input.now.getTime() - since.getTime()) / 1000);
  if (silent !== undefined && silent <= input.staleAfterSeconds) return [];
  const criticalAfter = Math.max(input.staleAfterSeconds, thresholds.hostSilence.criticalAfterSeconds);
  const critical = silent !== undefined && silent >= criticalAfter;
  return [finding(input, silent, critical, thresholds)];
};

function finding(
  input: FindingInput,
  silent: number | undefined,
  critical: boolean,
  thresholds: FindingThresholds,
): Finding {
  const never = input.lastSeenAt === null;
  const title = never
    ? `No snapshot since the host enrolled${silent === undefined ? '' : ` ${duration(silent)} ago`}`
    : `No snapshot for ${duration(silent ?? 0)}`;
  const what = never
    ? 'The host enrolled but its agent has never sent a snapshot.'
    : `The agent on this host has sent no snapshot for ${duration(silent ?? 0)}; a host counts as stale after ${duration(input.staleAfterSeconds)}. ` +
      `Its counts and other findings describe ${input.lastSeenAt?.toISOString()} and may no longer be true.`;
  return {
    rule: FindingRule.HOST_NOT_REPORTING,
    severity: critical ? 'critical' : 'warning',
    title,
    explanation: `${what} The host may be down, the agent stopped, or the agent cannot reach the API.`,
    nextStep:
      'Check that the host is up, then its agent: the service status (for example `systemctl status tcpfleet-agent`, or the container logs) and its log for delivery errors. ' +
      '`tcpfleet-agent once` on the host shows whether it can read the socket table. Snapshots the agent could not deliver wait in its spool and arrive when it reaches the API again.',
    evidence: {
      count: Math.round(silent ?? 0),
      threshold: critical
        ? Math.max(input.staleAfterSeconds, thresholds.hostSilence.criticalAfterSeconds)
        : input.staleAfterSeconds,
      lastSeenAt: input.lastSeenAt?.toISOString() ?? null,
    },
  };
}
