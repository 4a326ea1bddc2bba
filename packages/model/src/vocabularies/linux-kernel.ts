import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * Linux kernel state numbers (sk_state). `/proc/net/tcp` and `/proc/net/tcp6` print them as two
 * hex digits (`%02X`), so `0A` is TCP_LISTEN.
 * Source: include/net/tcp_states.h, `enum { TCP_ESTABLISHED = 1, ... }`, checked against
 * ctrliq/kernel-src-tree commit 95c06ed323409a52690812dc37754689dfac486f, whose enum is mainline's
 * since Linux commit 91051f003948; excerpt in sources/linux-tcp_states.h.txt.
 * https://github.com/torvalds/linux/blob/master/include/net/tcp_states.h
 */
export const linuxKernel: Vocabulary = {
  id: 'linux-kernel',
  title: 'Linux kernel (/proc/net/tcp)',
  source:
    'include/net/tcp_states.h (ctrliq/kernel-src-tree 95c06ed323409a52690812dc37754689dfac486f; mainline since 91051f003948)',
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
    // `TCP_CLOSING,	/* Now a valid state */`
    { code: 11, name: 'TCP_CLOSING', state: TcpState.CLOSING },
    // The request socket of a half-open handshake. /proc/net/tcp and inet_diag report it as
    // TCP_SYN_RECV (03), so 0C is not expected in /proc output.
    { code: 12, name: 'TCP_NEW_SYN_RECV', state: TcpState.SYN_RECEIVED },
    // `TCP_BOUND_INACTIVE, /* Pseudo-state for inet_diag */`: bound but neither listening nor
    // connecting; used in inet_diag queries only (added by commit 91051f003948, December 2023).
    // The kernel reports such sockets as TCP_CLOSE, so 0D is not expected in /proc output either.
    { code: 13, name: 'TCP_BOUND_INACTIVE', state: TcpState.BOUND },
  ],
};
