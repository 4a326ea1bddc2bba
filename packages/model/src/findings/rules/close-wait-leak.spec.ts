import { count, healthyWebHost, series } from '../../../test/findings/hosts';
import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { FindingRule, type FindingInput } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { mergeThresholds } from '../validate';
import { closeWaitLeak } from './close-wait-leak';

const key = { state: TcpState.CLOSE_WAIT, port: 8080, direction: Direction.INBOUND, process: 'java' };

function host(closeWait: number, history: FindingInput['history'] = []): FindingInput {
  const input = healthyWebHost();
  return {
    ...input,
    counts: [...input.counts, count(TcpState.CLOSE_WAIT, Direction.INBOUND, 8080, 'java', closeWait, 4242)],
    history: [...(input.history ?? []), ...history],
  };
}

describe('CLOSE_WAIT_LEAK', () => {
  it('warns at the warning threshold, naming the port, process and pid', () => {
    const [finding, ...rest] = closeWaitLeak(host(100), DEFAULT_THRESHOLDS);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: FindingRule.CLOSE_WAIT_LEAK, severity: 'warning' });
    expect(finding?.evidence).toEqual({
      state: TcpState.CLOSE_WAIT,
      port: 8080,
      direction: Direction.INBOUND,
      process: 'java',
      pid: 4242,
      count: 100,
      threshold: 100,
    });
    expect(finding?.nextStep).toContain('ls -l /proc/4242/fd');
    expect(finding?.nextStep).toContain("ss -tnp state close-wait '( sport = :8080 )'");
  });

  it('stays silent just under the threshold without a trend', () => {
    expect(closeWaitLeak(host(99), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('is critical from the critical threshold on', () => {
    const [finding] = closeWaitLeak(host(1000), DEFAULT_THRESHOLDS);
    expect(finding?.severity).toBe('critical');
    expect(finding?.evidence.threshold).toBe(1000);
  });

  it('warns about steady growth far below the threshold, with the trend', () => {
    // One more socket every 30 s over 10 minutes: 2 a minute, 20 in all.
    const counts = Array.from({ length: 21 }, (_, i) => 5 + i);
    const [finding] = closeWaitLeak(host(25, series(key, counts)), DEFAULT_THRESHOLDS);
    expect(finding?.severity).toBe('warning');
    expect(finding?.evidence.threshold).toBeUndefined();
    expect(finding?.evidence.trend).toEqual({ from: 5, to: 25, windowSeconds: 600, perMinute: 2 });
    expect(finding?.title).toContain('growing 2 a minute');
    expect(finding?.explanation).toContain('went from 5 to 25 in 10 minutes');
  });

  it('ignores growth that falls just short of each condition', () => {
    const t = DEFAULT_THRESHOLDS.closeWait;
    const fires = (counts: number[], thresholds = DEFAULT_THRESHOLDS) =>
      closeWaitLeak(host(counts[counts.length - 1]!, series(key, counts)), thresholds).length > 0;
    // A rise of minIncrease - 1, then of minIncrease.
    expect(fires(Array.from({ length: t.minIncrease }, (_, i) => i))).toBe(false);
    expect(fires(Array.from({ length: t.minIncrease + 1 }, (_, i) => i))).toBe(true);
    // A sawtooth with a rise of 18 and 7 steps up of 13; the same rise in steady steps fires.
    expect(fires([0, 6, 2, 8, 4, 10, 6, 12, 8, 14, 10, 16, 12, 18])).toBe(false);
    expect(fires([0, 6, 6, 8, 8, 10, 10, 12, 12, 14, 14, 16, 16, 18])).toBe(true);
    // 0.6 a minute over a 20-minute window, under minPerMinute; 1.2 a minute is above.
    const window = mergeThresholds({ closeWait: { windowSeconds: 1200 } });
    expect(
      fires(
        Array.from({ length: 41 }, (_, i) => Math.floor(i * 0.3)),
        window,
      ),
    ).toBe(false);
    expect(
      fires(
        Array.from({ length: 41 }, (_, i) => Math.floor(i * 0.6)),
        window,
      ),
    ).toBe(true);
    // minPoints - 1 points, then minPoints.
    expect(fires([0, 10, 20, 30, 40].slice(0, t.minPoints - 1))).toBe(false);
    expect(fires([0, 10, 20, 30, 40].slice(0, t.minPoints))).toBe(true);
  });

  it('reads a key missing from history after its first point as zero sockets', () => {
    // Sockets freed at the 4th of 12 samples: absent there while other keys are present.
    const others = series({ ...key, state: TcpState.ESTABLISHED }, Array(12).fill(40));
    const leak = series(key, [3, 6, 9, 0, 15, 18, 21, 24, 27, 30, 33, 36]).filter((p) => p.count > 0);
    const [finding] = closeWaitLeak(host(36, [...others, ...leak]), DEFAULT_THRESHOLDS);
    // Skipped, the point would leave the line 3 + 3i (6 a minute). Read as 0 it moves the slope by
    // (3 - 5.5) * (0 - 12) / sum((i - 5.5)^2 for i in 0..11) = 30 / 143 per 30 s, to 6.42 a minute.
    expect(finding?.evidence.trend).toEqual({ from: 3, to: 36, windowSeconds: 330, perMinute: 6.42 });
  });

  it('explains an outbound leak as the caller not closing what the server closed', () => {
    const input = healthyWebHost();
    input.counts = [count(TcpState.CLOSE_WAIT, Direction.OUTBOUND, 5432, 'node', 150)];
    const [finding] = closeWaitLeak(input, DEFAULT_THRESHOLDS);
    expect(finding?.title).toBe('150 CLOSE_WAIT sockets towards port 5432 held by node');
    expect(finding?.explanation).toContain('The services on port 5432 that node connects to closed');
    expect(finding?.nextStep).toContain('( dport = :5432 )');
  });
});
