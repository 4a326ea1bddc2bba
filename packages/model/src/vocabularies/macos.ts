import { bsdTcpStates } from './bsd-tcpstates';
import type { Vocabulary } from './vocabulary';

/**
 * macOS (XNU) state numbers (TCPS_*) and the names `netstat` prints from `tcpstates[]`.
 * Source: XNU bsd/netinet/tcp_fsm.h, checked against apple-oss-distributions/xnu commit
 * 5c2921b07a2480ab43ec66f5b9e41cb872bc554f; excerpt in sources/xnu-tcp_fsm.h.txt.
 * https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/tcp_fsm.h
 */
export const macos: Vocabulary = {
  id: 'macos',
  title: 'macOS (XNU) netstat',
  source:
    'xnu bsd/netinet/tcp_fsm.h TCPS_* and tcpstates[] (apple-oss-distributions/xnu 5c2921b07a2480ab43ec66f5b9e41cb872bc554f)',
  entries: bsdTcpStates,
};
