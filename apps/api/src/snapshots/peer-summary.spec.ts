import { peerSummary } from './peer-summary';

describe('peerSummary', () => {
  it('keeps the fullest listener apart from queues without a backlog', () => {
    const summary = peerSummary(
      [
        { address: '0.0.0.0', port: 80, acceptQueue: 100, backlog: 128 },
        { address: '0.0.0.0', port: 81, acceptQueue: 3, backlog: 0 },
        { address: '0.0.0.0', port: 82, acceptQueue: 40 },
      ],
      undefined,
    );
    expect(summary).toEqual({
      fullestListener: 3,
      longestQueue: 40,
      busiestDestination: null,
      busiestSynSent: null,
    });
  });

  it('takes the busiest destination and the most SYN_SENT towards one', () => {
    const summary = peerSummary(undefined, [
      { address: '10.0.0.5', port: 5432, count: 300, states: { TIME_WAIT: 290, ESTABLISHED: 10 } },
      { address: '10.0.0.6', port: 443, count: 25, states: { SYN_SENT: 25 } },
    ]);
    expect(summary).toMatchObject({ busiestDestination: 300, busiestSynSent: 25, fullestListener: null });
  });
});
