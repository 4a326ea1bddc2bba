import type { ParseResult } from '../../socket';
import { VOCABULARIES } from '../../vocabularies';
import { parseBsdNetstat } from './bsd-netstat';

/**
 * FreeBSD `netstat -an` (also -A, -P, -W; -x tables carry no state). States are the `tcpstates[]`
 * names of sys/netinet/tcp_fsm.h; layout from freebsd-src usr.bin/netstat/inet.c protopr().
 */
export function parseFreebsdNetstat(text: string): ParseResult {
  return parseBsdNetstat(text, { format: 'freebsd-netstat', vocabulary: VOCABULARIES.freebsd });
}
