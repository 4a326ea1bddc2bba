import { expiredPartitions, wantedPartitions } from './partition-plan';

describe('partition plan', () => {
  const now = new Date('2026-03-01T13:00:00Z');

  it('wants one partition per UTC day from the retention window to the days ahead', () => {
    const days = wantedPartitions(now, 2, 1);
    expect(days).toEqual([
      { suffix: '20260227', from: '2026-02-27', to: '2026-02-28' },
      { suffix: '20260228', from: '2026-02-28', to: '2026-03-01' },
      { suffix: '20260301', from: '2026-03-01', to: '2026-03-02' },
      { suffix: '20260302', from: '2026-03-02', to: '2026-03-03' },
    ]);
  });

  it('expires only partitions wholly before the retention window', () => {
    const names = ['count_history_20260226', 'count_history_20260227', 'count_history_20260301', 'other'];
    expect(expiredPartitions(names, now, 2)).toEqual(['count_history_20260226']);
  });
});
