import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * Windows IP Helper `MIB_TCP_STATE` values (MIB_TCPROW.dwState, GetTcpTable2, GetExtendedTcpTable).
 * Source: Windows SDK shared/tcpmib.h, `typedef enum { MIB_TCP_STATE_CLOSED = 1, ... } MIB_TCP_STATE`,
 * checked against the SDK copy in T-RN-R/WindowsPreviewSDKs commit
 * 98b9f6a633a28e713543f7a2eb44e099e02d71ff; excerpt in sources/windows-tcpmib.h.txt.
 * https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcprow_lh
 */
export const windowsMib: Vocabulary = {
  id: 'windows-mib',
  title: 'Windows MIB_TCP_STATE',
  source:
    'Windows SDK shared/tcpmib.h MIB_TCP_STATE (T-RN-R/WindowsPreviewSDKs 98b9f6a633a28e713543f7a2eb44e099e02d71ff)',
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
    // "Extra TCP states not defined in the MIB": the header gives 100 no meaning. MSFT_NetTCPConnection
    // numbers its states like MIB_TCP_STATE and calls its extra state Bound (powershell.ts), and
    // netstat -q prints bound, non-listening ports as BOUND, hence BOUND here.
    { code: 100, name: 'MIB_TCP_STATE_RESERVED', state: TcpState.BOUND },
  ],
};
