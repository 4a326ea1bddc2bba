import { isTcpState, RFC_STATES, TCP_STATES, TcpState } from './tcp-state';

describe('TcpState', () => {
  it('holds the eleven RFC 9293 states and the OS extras', () => {
    expect(RFC_STATES).toEqual([
      'LISTEN',
      'SYN_SENT',
      'SYN_RECEIVED',
      'ESTABLISHED',
      'FIN_WAIT_1',
      'FIN_WAIT_2',
      'CLOSE_WAIT',
      'CLOSING',
      'LAST_ACK',
      'TIME_WAIT',
      'CLOSED',
    ]);
    expect(TCP_STATES.slice(11)).toEqual(['BOUND', 'IDLE', 'DELETE_TCB', 'UNKNOWN']);
  });

  it('recognises its own values only', () => {
    expect(isTcpState(TcpState.CLOSE_WAIT)).toBe(true);
    expect(isTcpState('CLOSE-WAIT')).toBe(false);
    expect(isTcpState(7)).toBe(false);
  });
});
