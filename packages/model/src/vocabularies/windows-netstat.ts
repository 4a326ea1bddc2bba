import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * The state words `netstat.exe` prints. Microsoft publishes no source for them, and its netstat
 * command reference lists words netstat.exe does not print (LISTEN, SYN_SEND, TIMED_WAIT, from
 * KB Q137984). Each entry is checked against captured output or, failing that, Microsoft's text.
 * Sources: captured outputs in sources/windows-netstat-captured.txt; the command reference
 * (MicrosoftDocs/windowsserverdocs netstat.md, commit fb74c56a53541a994b83cc34e25721dbac19fc9d) in
 * sources/windows-netstat-reference.md.txt; the port exhaustion article for BOUND (netstat -q) in
 * sources/windows-port-exhaustion.md.txt.
 * https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/netstat
 */
export const windowsNetstat: Vocabulary = {
  id: 'windows-netstat',
  title: 'Windows netstat.exe',
  source:
    'netstat.exe captured output; netstat command reference (MicrosoftDocs/windowsserverdocs fb74c56a53541a994b83cc34e25721dbac19fc9d)',
  entries: [
    { name: 'CLOSED', state: TcpState.CLOSED },
    // Printed for listeners; the reference says LISTEN.
    { name: 'LISTENING', state: TcpState.LISTEN },
    // Not yet seen in a captured output; the reference says SYN_SEND.
    { name: 'SYN_SENT', state: TcpState.SYN_SENT },
    { name: 'SYN_RECEIVED', state: TcpState.SYN_RECEIVED },
    { name: 'ESTABLISHED', state: TcpState.ESTABLISHED },
    { name: 'FIN_WAIT_1', state: TcpState.FIN_WAIT_1 },
    { name: 'FIN_WAIT_2', state: TcpState.FIN_WAIT_2 },
    { name: 'CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    // Not yet seen in a captured output nor named by the reference.
    { name: 'CLOSING', state: TcpState.CLOSING },
    { name: 'LAST_ACK', state: TcpState.LAST_ACK },
    // Printed; the reference says TIMED_WAIT.
    { name: 'TIME_WAIT', state: TcpState.TIME_WAIT },
    // Not yet seen in a captured output nor named by the reference.
    { name: 'DELETE_TCB', state: TcpState.DELETE_TCB },
    // netstat -q (Windows 10, and 8.1 / 2012 R2 with an update) shows bound, non-listening ports.
    { name: 'BOUND', state: TcpState.BOUND },
  ],
};
