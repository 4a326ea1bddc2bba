/**
 * The canonical TCP socket states of tcpfleet.
 *
 * The first eleven are the states of the TCP state machine in RFC 9293, section 3.3.2
 * (https://www.rfc-editor.org/rfc/rfc9293#section-3.3.2). The others are states that real
 * operating systems report for TCP endpoints although the RFC has no name for them:
 * - BOUND: bound to a local address but neither listening nor connecting
 *   (illumos TCPS_BOUND, PowerShell `Bound`, Linux TCP_BOUND_INACTIVE);
 * - IDLE: a TCP endpoint that is not yet bound (illumos TCPS_IDLE);
 * - DELETE_TCB: the control block is being deleted (Windows MIB_TCP_STATE_DELETE_TCB);
 * - UNKNOWN: a code or name no vocabulary knows; the raw value is kept beside it.
 */
export enum TcpState {
  LISTEN = 'LISTEN',
  SYN_SENT = 'SYN_SENT',
  SYN_RECEIVED = 'SYN_RECEIVED',
  ESTABLISHED = 'ESTABLISHED',
  FIN_WAIT_1 = 'FIN_WAIT_1',
  FIN_WAIT_2 = 'FIN_WAIT_2',
  CLOSE_WAIT = 'CLOSE_WAIT',
  CLOSING = 'CLOSING',
  LAST_ACK = 'LAST_ACK',
  TIME_WAIT = 'TIME_WAIT',
  CLOSED = 'CLOSED',
  BOUND = 'BOUND',
  IDLE = 'IDLE',
  DELETE_TCB = 'DELETE_TCB',
  UNKNOWN = 'UNKNOWN',
}

/** Every canonical state, in the order of the RFC's state machine, then the OS extras. */
export const TCP_STATES: readonly TcpState[] = Object.values(TcpState);

/** The eleven states RFC 9293 names. */
export const RFC_STATES: readonly TcpState[] = TCP_STATES.slice(0, 11);

export function isTcpState(value: unknown): value is TcpState {
  return typeof value === 'string' && (TCP_STATES as readonly string[]).includes(value);
}
