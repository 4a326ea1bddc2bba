import { STATE_INFO } from './state-info';
import { TCP_STATES } from './tcp-state';

describe('STATE_INFO', () => {
  it('describes every state with a side and a pile-up meaning', () => {
    for (const state of TCP_STATES) {
      const info = STATE_INFO[state];
      expect(info.description.length).toBeGreaterThan(20);
      expect(['client', 'server', 'both']).toContain(info.side);
      expect(info.pileUp.length).toBeGreaterThan(20);
    }
  });

  it('says what a CLOSE_WAIT pile-up means: a leak in the owning process', () => {
    expect(STATE_INFO.CLOSE_WAIT.pileUp).toMatch(/leak/);
    expect(STATE_INFO.SYN_RECEIVED.side).toBe('server');
    expect(STATE_INFO.SYN_SENT.side).toBe('client');
  });
});
