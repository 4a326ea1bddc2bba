import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * Linux kernel state numbers. `/proc/net/tcp` and `/proc/net/tcp6` print them as two hex digits
 * (`%02X`), so `0A` is TCP_LISTEN.
 * Source: include/net/tcp_states.h, enum { TCP_ESTABLISHED = 1, ... }
 * https://github.com/torvalds/linux/blob/master/include/net/tcp_states.h
 */
export const linuxKernel: Vocabulary = {
  id: 'linux-kernel',
  title: 'Linux kernel (/proc/net/tcp)',
  source: 'linux include/net/tcp_states.h',
  entries: [
    { code: 1, name: 'TCP_ESTABLISHED', state: TcpState.ESTABLISHED },
    { code: 2, name: 'TCP_SYN_SENT', state: TcpState.SYN_SENT },
    { code: 3, name: 'TCP_SYN_RECV', state: TcpState.SYN_RECEIVED },
    { code: 4, name: 'TCP_FIN_WAIT1', state: TcpState.FIN_WAIT_1 },
    { code: 5, name: 'TCP_FIN_WAIT2', state: TcpState.FIN_WAIT_2 },
    { code: 6, name: 'TCP_TIME_WAIT', state: TcpState.TIME_WAIT },
    { code: 7, name: 'TCP_CLOSE', state: TcpState.CLOSED },
    { code: 8, name: 'TCP_CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'TCP_LAST_ACK', state: TcpState.LAST_ACK },
    { code: 10, name: 'TCP_LISTEN', state: TcpState.LISTEN },
    { code: 11, name: 'TCP_CLOSING', state: TcpState.CLOSING },
    // A request socket of a half-open handshake; /proc and ss report it as SYN_RECV.
    { code: 12, name: 'TCP_NEW_SYN_RECV', state: TcpState.SYN_RECEIVED },
    // Bound but neither listening nor connecting (Linux 6.9 and later).
    { code: 13, name: 'TCP_BOUND_INACTIVE', state: TcpState.BOUND },
  ],
};
