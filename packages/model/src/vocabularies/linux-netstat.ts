import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * net-tools `netstat` state names, indexed there by the kernel's state numbers.
 * Source: net-tools netstat.c, `static const char *tcp_state[]`
 * https://github.com/ecki/net-tools/blob/master/netstat.c
 */
export const linuxNetstat: Vocabulary = {
  id: 'linux-netstat',
  title: 'net-tools netstat (Linux)',
  source: 'net-tools netstat.c tcp_state[]',
  entries: [
    { code: 1, name: 'ESTABLISHED', state: TcpState.ESTABLISHED },
    { code: 2, name: 'SYN_SENT', state: TcpState.SYN_SENT },
    { code: 3, name: 'SYN_RECV', state: TcpState.SYN_RECEIVED },
    { code: 4, name: 'FIN_WAIT1', state: TcpState.FIN_WAIT_1 },
    { code: 5, name: 'FIN_WAIT2', state: TcpState.FIN_WAIT_2 },
    { code: 6, name: 'TIME_WAIT', state: TcpState.TIME_WAIT },
    { code: 7, name: 'CLOSE', state: TcpState.CLOSED },
    { code: 8, name: 'CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'LAST_ACK', state: TcpState.LAST_ACK },
    { code: 10, name: 'LISTEN', state: TcpState.LISTEN },
    { code: 11, name: 'CLOSING', state: TcpState.CLOSING },
  ],
};
