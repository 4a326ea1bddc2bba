import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * iproute2 `ss` state names, indexed there by SS_* numbers that equal the kernel's TCP_* numbers.
 * Source: iproute2 misc/ss.c, the SS_* enum and sock_state_print()'s `sstate_name[]`, checked
 * against Mu-L/iproute2 (an iproute2 mirror) commit 3c0b939e88e440a3059944f84e05f34fe67c571f;
 * excerpt in sources/iproute2-ss.c.txt.
 * https://github.com/iproute2/iproute2/blob/main/misc/ss.c
 *
 * Not entries: index 0 prints "UNKNOWN", and SS_NEW_SYN_RECV (12) and SS_BOUND_INACTIVE (13) print
 * "UNDEF", marked "Never returned by kernel"; neither word names a state.
 */
export const linuxSs: Vocabulary = {
  id: 'linux-ss',
  title: 'iproute2 ss',
  source: 'iproute2 misc/ss.c sstate_name[] (Mu-L/iproute2 3c0b939e88e440a3059944f84e05f34fe67c571f)',
  entries: [
    { code: 1, name: 'ESTAB', state: TcpState.ESTABLISHED },
    { code: 2, name: 'SYN-SENT', state: TcpState.SYN_SENT },
    { code: 3, name: 'SYN-RECV', state: TcpState.SYN_RECEIVED },
    { code: 4, name: 'FIN-WAIT-1', state: TcpState.FIN_WAIT_1 },
    { code: 5, name: 'FIN-WAIT-2', state: TcpState.FIN_WAIT_2 },
    { code: 6, name: 'TIME-WAIT', state: TcpState.TIME_WAIT },
    // `[SS_CLOSE] = "UNCONN"`. Bound-but-inactive TCP sockets, which `ss -a` and `ss -B` dump since
    // TCP_BOUND_INACTIVE exists, come back from the kernel as SS_CLOSE ("ss: Add support for dumping
    // TCP bound-inactive sockets."), so they print as UNCONN too.
    { code: 7, name: 'UNCONN', state: TcpState.CLOSED },
    { code: 8, name: 'CLOSE-WAIT', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'LAST-ACK', state: TcpState.LAST_ACK },
    { code: 10, name: 'LISTEN', state: TcpState.LISTEN },
    { code: 11, name: 'CLOSING', state: TcpState.CLOSING },
  ],
};
