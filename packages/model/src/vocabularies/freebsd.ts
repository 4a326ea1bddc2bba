import { bsdTcpStates } from './bsd-tcpstates';
import type { Vocabulary } from './vocabulary';

/**
 * FreeBSD state numbers (TCPS_*) and the names `netstat` and `sockstat -s` print from
 * `tcpstates[]` (sockstat prints "?" and netstat the bare number for anything outside it).
 * Sources: freebsd-src sys/netinet/tcp_fsm.h at commit 0390dcb0923c64305ea9f7f341f0c7910ae3ffca and
 * usr.bin/sockstat/sockstat.c at commit 6d13bb0e67972de9ad96c4eb25eb8337041a3d4c; excerpts in
 * sources/freebsd-tcp_fsm.h.txt and sources/freebsd-sockstat.c.txt.
 * https://github.com/freebsd/freebsd-src/blob/main/sys/netinet/tcp_fsm.h
 */
export const freebsd: Vocabulary = {
  id: 'freebsd',
  title: 'FreeBSD netstat and sockstat',
  source:
    'freebsd-src sys/netinet/tcp_fsm.h TCPS_* and tcpstates[] (0390dcb0923c64305ea9f7f341f0c7910ae3ffca), usr.bin/sockstat/sockstat.c (6d13bb0e67972de9ad96c4eb25eb8337041a3d4c)',
  entries: bsdTcpStates,
};
