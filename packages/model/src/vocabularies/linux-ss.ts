import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * iproute2 `ss` state names, indexed there by the kernel's state numbers.
 * Source: iproute2 misc/ss.c, `static const char *sstate_name[]`
 * https://github.com/iproute2/iproute2/blob/main/misc/ss.c
 */
export const linuxSs: Vocabulary = {
  id: 'linux-ss',
  title: 'iproute2 ss',
  source: 'iproute2 misc/ss.c sstate_name[]',
  entries: [
    { code: 1, name: 'ESTAB', state: TcpState.ESTABLISHED },
    { code: 2, name: 'SYN-SENT', state: TcpState.SYN_SENT },
    { code: 3, name: 'SYN-RECV', state: TcpState.SYN_RECEIVED },
    { code: 4, name: 'FIN-WAIT-1', state: TcpState.FIN_WAIT_1 },
    { code: 5, name: 'FIN-WAIT-2', state: TcpState.FIN_WAIT_2 },
    { code: 6, name: 'TIME-WAIT', state: TcpState.TIME_WAIT },
    // ss prints TCP_CLOSE as UNCONN, the word it uses for every unconnected socket.
    { code: 7, name: 'UNCONN', state: TcpState.CLOSED },
    { code: 8, name: 'CLOSE-WAIT', state: TcpState.CLOSE_WAIT },
    { code: 9, name: 'LAST-ACK', state: TcpState.LAST_ACK },
    { code: 10, name: 'LISTEN', state: TcpState.LISTEN },
    { code: 11, name: 'CLOSING', state: TcpState.CLOSING },
    { code: 12, name: 'NEW-SYN-RECV', state: TcpState.SYN_RECEIVED },
    { code: 13, name: 'BOUND-INACTIVE', state: TcpState.BOUND },
  ],
};
