import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * PowerShell `Get-NetTCPConnection` State: the names of the MSFT_NetTCPConnection `State`
 * enumeration (printed by the default table) and their numbers (printed by `ConvertTo-Json`).
 * Source: https://learn.microsoft.com/en-us/windows/win32/fwp/wmi/nettcpipprov/msft-nettcpconnection
 */
export const powershell: Vocabulary = {
  id: 'powershell',
  title: 'PowerShell Get-NetTCPConnection',
  source: 'MSFT_NetTCPConnection State (NetTCPIP provider)',
  entries: [
    { code: 1, name: 'Closed', state: TcpState.CLOSED },
    { code: 2, name: 'Listen', state: TcpState.LISTEN },
    { code: 3, name: 'SynSent', state: TcpState.SYN_SENT },
    { code: 4, name: 'SynReceived', state: TcpState.SYN_RECEIVED },
    { code: 5, name: 'Established', state: TcpState.ESTABLISHED },
    { code: 6, name: 'FinWait1', state: TcpState.FIN_WAIT_1 },
    { code: 7, name: 'FinWait2', state: TcpState.FIN_WAIT_2 },
    { code: 8, name: 'CloseWait', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'Closing', state: TcpState.CLOSING },
    { code: 10, name: 'LastAck', state: TcpState.LAST_ACK },
    { code: 11, name: 'TimeWait', state: TcpState.TIME_WAIT },
    { code: 12, name: 'DeleteTCB', state: TcpState.DELETE_TCB },
    { code: 100, name: 'Bound', state: TcpState.BOUND },
  ],
};
