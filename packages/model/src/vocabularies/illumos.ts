import { TcpState } from '../states/tcp-state';
import type { Vocabulary } from './vocabulary';

/**
 * illumos (and Solaris) TCPS_* numbers, which start below zero and differ from the BSD ones, with
 * the names `netstat` prints for them (anything else prints as "UnknownState(n)").
 * Sources: illumos-gate usr/src/uts/common/inet/tcp.h at commit
 * 883e731451d674a6e17fa1e4c1c2a0034bc57243 and usr/src/cmd/cmd-inet/usr.bin/netstat/netstat.c
 * mitcp_state() at commit a5cf233fe784edb73c70a39b7b495c0b96f52eff; excerpts in
 * sources/illumos-tcp.h.txt and sources/illumos-netstat.c.txt.
 * https://github.com/illumos/illumos-gate/blob/master/usr/src/uts/common/inet/tcp.h
 */
export const illumos: Vocabulary = {
  id: 'illumos',
  title: 'illumos / Solaris netstat',
  source:
    'illumos-gate inet/tcp.h TCPS_* (883e731451d674a6e17fa1e4c1c2a0034bc57243) and netstat.c mitcp_state() (a5cf233fe784edb73c70a39b7b495c0b96f52eff)',
  entries: [
    { code: -6, name: 'CLOSED', state: TcpState.CLOSED },
    // `TCPS_IDLE -5 /* idle (opened, but not bound) */`
    { code: -5, name: 'IDLE', state: TcpState.IDLE },
    // `TCPS_BOUND -4 /* bound, ready to connect or accept */`
    { code: -4, name: 'BOUND', state: TcpState.BOUND },
    { code: -3, name: 'LISTEN', state: TcpState.LISTEN },
    { code: -2, name: 'SYN_SENT', state: TcpState.SYN_SENT },
    { code: -1, name: 'SYN_RCVD', state: TcpState.SYN_RECEIVED },
    { code: 0, name: 'ESTABLISHED', state: TcpState.ESTABLISHED },
    { code: 1, name: 'CLOSE_WAIT', state: TcpState.CLOSE_WAIT },
    { code: 2, name: 'FIN_WAIT_1', state: TcpState.FIN_WAIT_1 },
    { code: 3, name: 'CLOSING', state: TcpState.CLOSING },
    { code: 4, name: 'LAST_ACK', state: TcpState.LAST_ACK },
    { code: 5, name: 'FIN_WAIT_2', state: TcpState.FIN_WAIT_2 },
    { code: 6, name: 'TIME_WAIT', state: TcpState.TIME_WAIT },
  ],
};
