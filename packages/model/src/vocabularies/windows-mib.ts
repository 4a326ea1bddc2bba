import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * Windows IP Helper `MIB_TCP_STATE` values (MIB_TCPROW.dwState, GetTcpTable2, GetExtendedTcpTable).
 * Source: Windows SDK tcpmib.h, `typedef enum { MIB_TCP_STATE_CLOSED = 1, ... } MIB_TCP_STATE`
 * https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ne-tcpmib-mib_tcp_state
 */
export const windowsMib: Vocabulary = {
  id: 'windows-mib',
  title: 'Windows MIB_TCP_STATE',
  source: 'Windows SDK tcpmib.h MIB_TCP_STATE',
  entries: [
    { code: 1, name: 'MIB_TCP_STATE_CLOSED', state: TcpState.CLOSED },
    { code: 2, name: 'MIB_TCP_STATE_LISTEN', state: TcpState.LISTEN },
    { code: 3, name: 'MIB_TCP_STATE_SYN_SENT', state: TcpState.SYN_SENT },
    { code: 4, name: 'MIB_TCP_STATE_SYN_RCVD', state: TcpState.SYN_RECEIVED },
    { code: 5, name: 'MIB_TCP_STATE_ESTAB', state: TcpState.ESTABLISHED },
    { code: 6, name: 'MIB_TCP_STATE_FIN_WAIT1', state: TcpState.FIN_WAIT_1 },
    { code: 7, name: 'MIB_TCP_STATE_FIN_WAIT2', state: TcpState.FIN_WAIT_2 },
    { code: 8, name: 'MIB_TCP_STATE_CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'MIB_TCP_STATE_CLOSING', state: TcpState.CLOSING },
    { code: 10, name: 'MIB_TCP_STATE_LAST_ACK', state: TcpState.LAST_ACK },
    { code: 11, name: 'MIB_TCP_STATE_TIME_WAIT', state: TcpState.TIME_WAIT },
    { code: 12, name: 'MIB_TCP_STATE_DELETE_TCB', state: TcpState.DELETE_TCB },
    // Reported for sockets that are bound but not connected or listening (Windows 10 and later).
    { code: 100, name: 'MIB_TCP_STATE_RESERVED', state: TcpState.BOUND },
  ],
};
