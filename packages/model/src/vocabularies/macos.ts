import { bsdTcpStates } from './bsd-tcpstates';
import type { Vocabulary } from './vocabulary';

/**
 * macOS (XNU) state numbers (TCPS_*) and the names `netstat` prints from `tcpstates[]`.
 * Source: apple-oss-distributions/xnu bsd/netinet/tcp_fsm.h
 * https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/tcp_fsm.h
 */
export const macos: Vocabulary = {
  id: 'macos',
  title: 'macOS (XNU) netstat',
  source: 'xnu bsd/netinet/tcp_fsm.h TCPS_* and tcpstates[]',
  entries: bsdTcpStates,
};
