import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * PowerShell `Get-NetTCPConnection` State: the names of the MSFT_NetTCPConnection `State`
 * enumeration (printed by the default table) and their numbers (printed by `ConvertTo-Json`).
 * Sources: the MSFT_NetTCPConnection State table (MicrosoftDocs/win32
 * desktop-src/FWP/wmi/nettcpipprov/msft-nettcpconnection.md, commit
 * 8df02fb144e820a0570c7d2ff3b121f418ecc417) for Closed (1) to DeleteTCB (12), and the
 * Get-NetTCPConnection -State accepted values (MicrosoftDocs/windows-powershell-docs
 * docset/winserver2025-ps/nettcpip/Get-NetTCPConnection.md, commit
 * 5852fafac901cbedfb2728aad044a6723546890d) for the names including Bound; excerpts in
 * sources/powershell-msft-nettcpconnection.md.txt and sources/powershell-get-nettcpconnection.md.txt.
 * https://learn.microsoft.com/powershell/module/nettcpip/get-nettcpconnection
 */
export const powershell: Vocabulary = {
  id: 'powershell',
  title: 'PowerShell Get-NetTCPConnection',
  source:
    'MSFT_NetTCPConnection State (MicrosoftDocs/win32 8df02fb144e820a0570c7d2ff3b121f418ecc417), Get-NetTCPConnection -State (MicrosoftDocs/windows-powershell-docs 5852fafac901cbedfb2728aad044a6723546890d)',
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
    // Bound is an accepted -State value, but the MSFT_NetTCPConnection table has no number for it.
    // 100 is MIB_TCP_STATE_RESERVED, the one value tcpmib.h defines beyond the MIB's twelve, which
    // the State numbers otherwise mirror; not yet confirmed by a captured ConvertTo-Json output.
    { code: 100, name: 'Bound', state: TcpState.BOUND },
  ],
};
