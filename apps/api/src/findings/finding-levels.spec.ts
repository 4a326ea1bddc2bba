import { DEFAULT_THRESHOLDS, FindingRule, mergeThresholds } from '@tcpfleet/model';
import { encodeFindingCursor, decodeFindingCursor } from './finding-cursor';
import { countLevels } from './finding-levels';

describe('countLevels', () => {
  it('pre-selects CLOSE_WAIT from the smaller of the warning level and the trend increase', () => {
    const [closeWait] = countLevels(DEFAULT_THRESHOLDS);
    expect(closeWait).toMatchObject({ rule: FindingRule.CLOSE_WAIT_LEAK, byProcess: true, minimum: 10 });
    const high = countLevels(mergeThresholds({ closeWait: { warning: 5, minIncrease: 50 } }));
    expect(high[0].minimum).toBe(5);
  });

  it('reads SYN_SENT outbound only and the other states in both directions', () => {
    const direction = Object.fromEntries(countLevels(DEFAULT_THRESHOLDS).map((l) => [l.rule, l.direction]));
    expect(direction[FindingRule.SYN_SENT_PILEUP]).toBe('OUTBOUND');
    expect(direction[FindingRule.SYN_RECEIVED_PILEUP]).toBeNull();
  });
});

describe('finding cursors', () => {
  it('round-trip and refuse foreign text', () => {
    expect(decodeFindingCursor(encodeFindingCursor({ hostname: 'web-1', index: 2 }))).toEqual({
      hostname: 'web-1',
      index: 2,
    });
    expect(decodeFindingCursor('nope')).toBeNull();
    expect(decodeFindingCursor(Buffer.from('["a",-1]').toString('base64url'))).toBeNull();
  });
});
