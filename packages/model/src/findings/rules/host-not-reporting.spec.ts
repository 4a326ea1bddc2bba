import { healthyWebHost, NOW, secondsBefore } from '../../../test/findings/hosts';
import { FindingRule } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { hostNotReporting } from './host-not-reporting';

describe('HOST_NOT_REPORTING', () => {
  const stale = healthyWebHost().staleAfterSeconds;

  it('warns once the silence exceeds the staleness, with when the host was last seen', () => {
    const input = { ...healthyWebHost(), lastSeenAt: secondsBefore(stale + 1) };
    const findings = hostNotReporting(input, DEFAULT_THRESHOLDS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: FindingRule.HOST_NOT_REPORTING, severity: 'warning' });
    expect(findings[0]?.evidence).toEqual({
      count: stale + 1,
      threshold: stale,
      lastSeenAt: secondsBefore(stale + 1).toISOString(),
    });
  });

  it('stays silent at exactly the staleness', () => {
    expect(
      hostNotReporting({ ...healthyWebHost(), lastSeenAt: secondsBefore(stale) }, DEFAULT_THRESHOLDS),
    ).toEqual([]);
  });

  it('is critical after criticalAfterSeconds', () => {
    const after = DEFAULT_THRESHOLDS.hostSilence.criticalAfterSeconds;
    const almost = hostNotReporting(
      { ...healthyWebHost(), lastSeenAt: secondsBefore(after - 1) },
      DEFAULT_THRESHOLDS,
    );
    expect(almost[0]?.severity).toBe('warning');
    const [finding] = hostNotReporting(
      { ...healthyWebHost(), lastSeenAt: secondsBefore(after) },
      DEFAULT_THRESHOLDS,
    );
    expect(finding?.severity).toBe('critical');
    expect(finding?.evidence.threshold).toBe(after);
    expect(finding?.title).toBe('No snapshot for 60 minutes');
  });

  it('judges a host that never reported from its enrolment', () => {
    const fresh = { ...healthyWebHost(), lastSeenAt: null, enrolledAt: secondsBefore(30) };
    expect(hostNotReporting(fresh, DEFAULT_THRESHOLDS)).toEqual([]);
    const [finding] = hostNotReporting({ ...fresh, enrolledAt: secondsBefore(7200) }, DEFAULT_THRESHOLDS);
    expect(finding?.severity).toBe('critical');
    expect(finding?.evidence.lastSeenAt).toBeNull();
    expect(finding?.title).toBe('No snapshot since the host enrolled 2 hours ago');
  });

  it('warns about a host that never reported when its enrolment time is unknown', () => {
    const [finding] = hostNotReporting({ ...healthyWebHost(), lastSeenAt: null }, DEFAULT_THRESHOLDS);
    expect(finding).toMatchObject({ severity: 'warning', evidence: { count: 0, lastSeenAt: null } });
  });

  it('counts a snapshot from the future as seen now', () => {
    expect(
      hostNotReporting(
        { ...healthyWebHost(), lastSeenAt: new Date(NOW.getTime() + 5000) },
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual([]);
  });
});
