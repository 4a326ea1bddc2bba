import { WarningList } from '../common/warnings';
import type { AddressFamily, ParseResult, Socket } from '../../socket';
import { linuxSs } from '../../vocabularies/linux-ss';
import { readConnection } from './connection';
import { addressOf, familyOf, type Endpoint } from './endpoint';
import { fields, lines, quote } from './fields';

/*
 * iproute2 `ss` (misc/ss.c). Rows are "[Netid] State Recv-Q Send-Q Local:Port Peer:Port [Process]";
 * the Netid column is printed whenever more than one socket table is shown (`ss -an`, `ss -a`).
 * Queues (kernel net/ipv4/tcp_diag.c tcp_diag_get_info()): for a LISTEN socket Recv-Q is the accept
 * queue in use (sk_ack_backlog) and Send-Q the backlog limit (sk_max_ack_backlog); for the others
 * they are unread and unacknowledged bytes. Both are kept as printed in recvQueue and sendQueue.
 */

// Netids of ss.c other than tcp: their rows are other protocols and are skipped without a warning.
// prettier-ignore
const OTHER_NETIDS = new Set([
  'udp', 'raw', 'u_str', 'u_dgr', 'u_seq', 'p_raw', 'p_dgr', 'nl', 'sctp', 'dccp', 'mptcp',
  'v_str', 'v_dgr', 'tipc', 'xdp', 'icmp6', '???',
]);

const STATE_WORD = /^[A-Z][A-Z0-9_-]*$/;

/**
 * Which family `*` stands for. ss.c inet_addr_print() of current iproute2 prints the IPv4 wildcard as
 * `0.0.0.0` and an IPv6 wildcard socket that also accepts IPv4 (not v6only) as `*`; older versions
 * printed `*` for the IPv4 wildcard and `[::]` or `::` for IPv6. A `0.0.0.0` anywhere in the text
 * marks the newer printer; without one, `*` is read as IPv4.
 */
function wildcardFamily(text: string): AddressFamily {
  return /(^|\s)0\.0\.0\.0(%\S+)?:/m.test(text) ? 'ipv6' : 'ipv4';
}

/** Reads `ss -tan`, `ss -tanp`, `ss -tanep`, `ss -an` and `ss -a` output; rows of other protocols are skipped. */
export function parseSs(text: string): ParseResult {
  const sockets: Socket[] = [];
  const warnings = new WarningList();
  const wildcard = wildcardFamily(text);
  lines(text).forEach((line, index) => {
    const warn = (message: string) => warnings.push({ line: index + 1, message });
    const socket = readLine(line, wildcard, warn);
    if (socket) sockets.push(socket);
  });
  if (text.trim() === '') warnings.push({ line: 0, message: 'the input is empty' });
  return { format: 'linux-ss', sockets, warnings: warnings.list() };
}

function readLine(
  line: string,
  wildcard: AddressFamily,
  warn: (message: string) => void,
): Socket | undefined {
  // Blank lines, and the tab-indented detail lines that -i, -m and -o print under each socket.
  if (line.trim() === '' || line.startsWith('\t')) return undefined;
  const row = fields(line, 6);
  const [first] = row.values;
  if (first === 'Netid' || first === 'State') return undefined;
  if (first !== undefined && OTHER_NETIDS.has(first)) return undefined;
  const offset = first === 'tcp' ? 1 : 0;
  const [state, recvQueue, sendQueue, local, remote] = row.values.slice(offset);
  if (state === undefined || !STATE_WORD.test(state)) {
    warn('not an ss row: expected "[Netid] State Recv-Q Send-Q Local:Port Peer:Port"');
    return undefined;
  }
  const read = readConnection({ state, recvQueue, sendQueue, local, remote }, linuxSs, warn);
  if (!read) return undefined;
  const family =
    familyOf(read.local) ?? familyOf(read.remote) ?? wildcardOf(read.local, read.remote, wildcard);
  return {
    family,
    localAddress: addressOf(read.local, family),
    localPort: read.local.port,
    remoteAddress: addressOf(read.remote, family),
    remotePort: read.remote.port,
    state: read.state,
    rawState: read.rawState,
    recvQueue: read.recvQueue,
    sendQueue: read.sendQueue,
    ...extras(line.slice(row.ends[offset + 4]), warn),
  };
}

function wildcardOf(local: Endpoint, peer: Endpoint, wildcard: AddressFamily): AddressFamily {
  return local.host.kind === 'any' || peer.host.kind === 'any' ? wildcard : 'ipv4';
}

/**
 * The free-form columns after the peer: `users:(("nginx",pid=123,fd=6),("nginx",pid=124,fd=6))`
 * from -p, and `uid:1000 ino:35712 sk:...` from -e. ss.c find_entry() prints one `("name",pid=,fd=)`
 * per process holding the socket; a socket shared after fork() lists several, and the first is kept.
 */
function extras(
  rest: string,
  warn: (message: string) => void,
): Pick<Socket, 'pid' | 'process' | 'uid' | 'inode'> {
  const out: Pick<Socket, 'pid' | 'process' | 'uid' | 'inode'> = {};
  const users = rest.indexOf('users:(("');
  if (users >= 0) {
    const nameStart = users + 'users:(("'.length;
    // Older iproute2 printed `users:(("sshd",1045,3))`, without `pid=` and `fd=`.
    const nameEnd = rest.indexOf('",', nameStart);
    const pid = nameEnd < 0 ? null : /^(?:pid=)?(\d{1,10}),/.exec(rest.slice(nameEnd + 2));
    if (pid?.[1]) {
      out.process = rest.slice(nameStart, nameEnd);
      out.pid = Number(pid[1]);
    } else warn(`cannot read the process column ${quote(rest.slice(users).trim())}`);
  }
  const uid = /(?:^|\s)uid:(\d{1,10})(?=\s|$)/.exec(rest);
  if (uid?.[1]) out.uid = Number(uid[1]);
  const inode = /(?:^|\s)ino:(\d{1,15})(?=\s|$)/.exec(rest);
  if (inode?.[1] && inode[1] !== '0') out.inode = Number(inode[1]);
  return out;
}
