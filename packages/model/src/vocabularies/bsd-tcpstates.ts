import { TcpState } from '../states/tcp-state';
import type { VocabularyEntry } from './vocabulary';

/**
 * The 4.4BSD numbering (TCPS_*) and `tcpstates[]` names that both XNU and FreeBSD keep in
 * netinet/tcp_fsm.h. Shared because the two headers agree entry for entry; macos.ts and freebsd.ts
 * cite their own header, and each one's spec checks this table against its own excerpt.
 */
export const bsdTcpStates: readonly VocabularyEntry[] = [
  { code: 0, name: 'CLOSED', state: TcpState.CLOSED },
  { code: 1, name: 'LISTEN', state: TcpState.LISTEN },
  { code: 2, name: 'SYN_SENT', state: TcpState.SYN_SENT },
  // `#define TCPS_SYN_RECEIVED 3`, printed as "SYN_RCVD".
  { code: 3, name: 'SYN_RCVD', state: TcpState.SYN_RECEIVED },
  { code: 4, name: 'ESTABLISHED', state: TcpState.ESTABLISHED },
  // BSD numbers CLOSE_WAIT before the FIN_WAIT states, unlike Linux.
  { code: 5, name: 'CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
  { code: 6, name: 'FIN_WAIT_1', state: TcpState.FIN_WAIT_1 },
  { code: 7, name: 'CLOSING', state: TcpState.CLOSING },
  { code: 8, name: 'LAST_ACK', state: TcpState.LAST_ACK },
  { code: 9, name: 'FIN_WAIT_2', state: TcpState.FIN_WAIT_2 },
  { code: 10, name: 'TIME_WAIT', state: TcpState.TIME_WAIT },
];
