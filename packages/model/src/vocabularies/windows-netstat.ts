import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * The state words `netstat.exe` prints. Microsoft publishes no source for them; the spellings are
 * those of captured output, cross-checked with the netstat command reference.
 * Source: https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/netstat
 */
export const windowsNetstat: Vocabulary = {
  id: 'windows-netstat',
  title: 'Windows netstat.exe',
  source: 'Windows netstat.exe output; netstat command reference',
  entries: [
    { name: 'CLOSED', state: TcpState.CLOSED },
    { name: 'LISTENING', state: TcpState.LISTEN },
    { name: 'SYN_SENT', state: TcpState.SYN_SENT },
    { name: 'SYN_RECEIVED', state: TcpState.SYN_RECEIVED },
    { name: 'ESTABLISHED', state: TcpState.ESTABLISHED },
    { name: 'FIN_WAIT_1', state: TcpState.FIN_WAIT_1 },
    { name: 'FIN_WAIT_2', state: TcpState.FIN_WAIT_2 },
    { name: 'CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    { name: 'CLOSING', state: TcpState.CLOSING },
    { name: 'LAST_ACK', state: TcpState.LAST_ACK },
    { name: 'TIME_WAIT', state: TcpState.TIME_WAIT },
    { name: 'DELETE_TCB', state: TcpState.DELETE_TCB },
    { name: 'BOUND', state: TcpState.BOUND },
  ],
};
