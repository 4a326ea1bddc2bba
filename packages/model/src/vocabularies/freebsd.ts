import { bsdTcpStates } from './bsd-tcpstates';
import type { Vocabulary } from './vocabulary';

/**
 * FreeBSD state numbers (TCPS_*) and the names `netstat` and `sockstat` print from `tcpstates[]`.
 * Source: freebsd-src sys/netinet/tcp_fsm.h
 * https://github.com/freebsd/freebsd-src/blob/main/sys/netinet/tcp_fsm.h
 */
export const freebsd: Vocabulary = {
  id: 'freebsd',
  title: 'FreeBSD netstat and sockstat',
  source: 'freebsd-src sys/netinet/tcp_fsm.h TCPS_* and tcpstates[]',
  entries: bsdTcpStates,
};
