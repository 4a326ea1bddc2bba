import type { ParseResult, Socket } from '../../socket';
import { VOCABULARIES } from '../../vocabularies';
import { parseBsdNetstat } from '../freebsd/bsd-netstat';
import { count, type Report } from '../freebsd/report';

/**
 * macOS `netstat -an`, `-an -p tcp` and `-anv`. Layout from Apple's network_cmds
 * netstat.tproj/inet.c protopr(): the TCP state is the `(state)` column; with -v the columns after it
 * are either `rhiwat shiwat pid epid state options` (older releases, pid its own column) or
 * `rxbytes txbytes rhiwat shiwat process:pid state options gencnt flags flags1 usecnt rtncnt fltrs`
 * (macOS 13 and later). In both, `state` is the socket's so_state in hex, not the TCP state.
 * The header is as wide as -W makes it even when the rows are not, so columns are counted by
 * whitespace-separated fields, never by position.
 */
export function parseMacosNetstat(text: string): ParseResult {
  return parseBsdNetstat(text, {
    format: 'macos-netstat',
    vocabulary: VOCABULARIES.macos,
    extras: readOwner,
  });
}

function readOwner(
  after: string[],
  values: string[],
  line: number,
  report: Report,
): Pick<Socket, 'pid' | 'process'> {
  const pidColumn = after.indexOf('pid');
  if (pidColumn >= 0) {
    const pid = count(values[pidColumn]);
    return pid === undefined ? {} : { pid };
  }
  const named = after.indexOf('process:pid');
  if (named < 0) return {};
  // The process name may hold spaces, dots and colons: count the fixed columns from both ends and
  // take the pid after the last colon of what is left between them.
  const tail = after.length - named - 1;
  const owner = values.slice(named, values.length - tail).join(' ');
  const colon = owner.lastIndexOf(':');
  const pid = count(owner.slice(colon + 1));
  if (values.length < after.length || colon < 0 || pid === undefined) {
    report.warn(line, `cannot read the process:pid column "${owner}"`);
    return {};
  }
  const process = owner.slice(0, colon);
  return process === '' ? { pid } : { pid, process };
}
