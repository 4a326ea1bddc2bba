import { acceptedStateNames, resolveStateName, UnknownStateNameError } from './aliases';
import { TcpState } from './tcp-state';

describe('resolveStateName', () => {
  it.each([
    ['SYN_RCVD', TcpState.SYN_RECEIVED], // macOS, FreeBSD, illumos
    ['SYN-RECV', TcpState.SYN_RECEIVED], // ss
    ['SynReceived', TcpState.SYN_RECEIVED], // PowerShell
    ['SYN_RECEIVED', TcpState.SYN_RECEIVED], // netstat.exe and canonical
    ['syn_recv', TcpState.SYN_RECEIVED], // net-tools, lower case
    ['ESTAB', TcpState.ESTABLISHED],
    ['LISTENING', TcpState.LISTEN],
    ['Listen', TcpState.LISTEN],
    ['FinWait2', TcpState.FIN_WAIT_2],
    ['fin-wait-1', TcpState.FIN_WAIT_1],
    ['FIN_WAIT1', TcpState.FIN_WAIT_1],
    ['TIME-WAIT', TcpState.TIME_WAIT],
    ['UNCONN', TcpState.CLOSED],
    ['CLOSE', TcpState.CLOSED],
    ['DeleteTCB', TcpState.DELETE_TCB],
    ['Bound', TcpState.BOUND],
    ['IDLE', TcpState.IDLE],
    ['TCP_CLOSE_WAIT', TcpState.CLOSE_WAIT],
    ['  close_wait ', TcpState.CLOSE_WAIT],
    ['TIMED_WAIT', TcpState.TIME_WAIT],
  ])('resolves %s to %s', (name, state) => {
    expect(resolveStateName(name)).toEqual([state]);
  });

  it('resolves FIN_WAIT to both FIN-WAIT states', () => {
    expect(resolveStateName('FIN_WAIT')).toEqual([TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2]);
    expect(resolveStateName('fin-wait')).toEqual([TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2]);
  });

  it('resolves every canonical name to itself', () => {
    for (const state of Object.values(TcpState)) expect(resolveStateName(state)).toEqual([state]);
  });

  it('rejects an unknown name with the accepted names in the message', () => {
    let error: unknown;
    try {
      resolveStateName('HALF_OPEN');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownStateNameError);
    const unknown = error as UnknownStateNameError;
    expect(unknown.input).toBe('HALF_OPEN');
    expect(unknown.accepted).toEqual(acceptedStateNames());
    expect(unknown.message).toContain('"HALF_OPEN"');
    expect(unknown.message).toContain('SYN_RCVD');
    expect(unknown.message).toContain('SynReceived');
  });

  it('rejects empty and separator-only names', () => {
    expect(() => resolveStateName('')).toThrow(UnknownStateNameError);
    expect(() => resolveStateName('-_-')).toThrow(UnknownStateNameError);
  });

  it('never maps one spelling to two states except the FIN_WAIT group', () => {
    const ambiguous = acceptedStateNames().filter((name) => resolveStateName(name).length > 1);
    expect(ambiguous).toEqual(['FIN_WAIT']);
  });
});
