import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * net-tools `netstat` state names; tcp_do_one() prints `tcp_state[state]`, indexed by the kernel's
 * state number read from /proc/net/tcp.
 * Source: net-tools netstat.c, `static const char *tcp_state[]`, checked against ecki/net-tools
 * commit aebd88ef8d6e15f673b62a649a50d07ed727c888; excerpt in sources/net-tools-netstat.c.txt.
 * https://github.com/ecki/net-tools/blob/master/netstat.c
 *
 * Not an entry: index 0 is the empty string. The array ends at TCP_CLOSING (11); the kernel never
 * shows 12 or 13 in /proc/net/tcp (see linux-kernel.ts).
 */
export const linuxNetstat: Vocabulary = {
  id: 'linux-netstat',
  title: 'net-tools netstat (Linux)',
  source: 'net-tools netstat.c tcp_state[] (ecki/net-tools aebd88ef8d6e15f673b62a649a50d07ed727c888)',
  entries: [
    { code: 1, name: 'ESTABLISHED', state: TcpState.ESTABLISHED },
    { code: 2, name: 'SYN_SENT', state: TcpState.SYN_SENT },
    { code: 3, name: 'SYN_RECV', state: TcpState.SYN_RECEIVED },
    { code: 4, name: 'FIN_WAIT1', state: TcpState.FIN_WAIT_1 },
    { code: 5, name: 'FIN_WAIT2', state: TcpState.FIN_WAIT_2 },
    { code: 6, name: 'TIME_WAIT', state: TcpState.TIME_WAIT },
    // `N_("CLOSE")`: net-tools' word for TCP_CLOSE.
    { code: 7, name: 'CLOSE', state: TcpState.CLOSED },
    { code: 8, name: 'CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'LAST_ACK', state: TcpState.LAST_ACK },
    { code: 10, name: 'LISTEN', state: TcpState.LISTEN },
    { code: 11, name: 'CLOSING', state: TcpState.CLOSING },
  ],
};
