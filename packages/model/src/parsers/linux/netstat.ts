import { WarningList } from '../common/warnings';
import type { AddressFamily, ParseResult, Socket } from '../../socket';
import { linuxNetstat } from '../../vocabularies/linux-netstat';
import { readConnection } from './connection';
import { addressOf, familyOf, type Endpoint } from './endpoint';
import { fields, lines, quote } from './fields';

/*
 * net-tools `netstat` (netstat.c tcp_do_one(), finish_this_one()). A TCP row is
 *   "tcp|tcp6 Recv-Q Send-Q Local Foreign State [User Inode] [PID/Program name] [Timer]"
 * with User and Inode under -e, PID/Program under -p ("-" when unknown; the name may hold spaces,
 * "sshd: kbrazil", and is cut to fit 20 columns) and the timer under -o ("off (0.00/0/0)").
 * netstat reads /proc/net/tcp, so Recv-Q of a LISTEN socket is its accept queue and Send-Q is 0.
 * Without -W, addr_do_one() cuts an address so that "address:port" fits 23 columns.
 */

// Protocols netstat prints beside TCP; their rows are skipped without a warning.
// prettier-ignore
const OTHER_PROTOCOLS = new Set([
  'udp', 'udp6', 'udpl', 'udpl6', 'raw', 'raw6', 'unix', 'ax25', 'ipx', 'netrom', 'ddp', 'x25',
  'rose', 'l2cap', 'rfcomm', 'sctp', 'sctp6',
]);

const FAMILY: Readonly<Record<string, AddressFamily>> = { tcp: 'ipv4', tcp6: 'ipv6' };
const TIMER = /\s*(?:on|off|keepalive|timewait|probe|unkn-\d+) \([^)]*\)\s*$/;
const CUT_WIDTH = 23;

/** Reads net-tools `netstat -tan`, `-tanp`, `-an`, `-aeep` output; other protocols are skipped. */
export function parseLinuxNetstat(text: string): ParseResult {
  const sockets: Socket[] = [];
  const warnings = new WarningList();
  lines(text).forEach((line, index) => {
    const warn = (message: string) => warnings.push({ line: index + 1, message });
    const socket = readLine(line, warn);
    if (socket) sockets.push(socket);
  });
  if (text.trim() === '') warnings.push({ line: 0, message: 'the input is empty' });
  return { format: 'linux-netstat', sockets, warnings: warnings.list() };
}

function readLine(line: string, warn: (message: string) => void): Socket | undefined {
  const row = fields(line, 6);
  const [proto, recvQueue, sendQueue, local, remote, state] = row.values;
  if (proto === undefined || proto === 'Proto' || line.startsWith('Active ')) return undefined;
  if (OTHER_PROTOCOLS.has(proto)) return undefined;
  const rowFamily = FAMILY[proto];
  if (rowFamily === undefined) {
    warn(`not a netstat row: unknown protocol ${quote(proto)}`);
    return undefined;
  }
  if (state === undefined) {
    warn('the row ends before the State column');
    return undefined;
  }
  const read = readConnection({ state, recvQueue, sendQueue, local, remote }, linuxNetstat, warn);
  if (!read) return undefined;
  if (rowFamily === 'ipv6' && (local?.length === CUT_WIDTH || remote?.length === CUT_WIDTH)) {
    warn('an address fills the 23-column field and may be cut short; netstat -W prints it whole');
  }
  return {
    family: rowFamily,
    localAddress: rowAddress(read.local, rowFamily),
    localPort: read.local.port,
    remoteAddress: rowAddress(read.remote, rowFamily),
    remotePort: read.remote.port,
    state: read.state,
    rawState: read.rawState,
    recvQueue: read.recvQueue,
    sendQueue: read.sendQueue,
    ...owner(line.slice(row.ends[5]), warn),
  };
}

/**
 * net-tools lib/inet6.c fix_v4_address() prints an IPv4-mapped address of a tcp6 socket as bare
 * IPv4 (`127.0.0.1:7003` in a tcp6 row); it is given back its IPv6 form, as /proc and ss show it.
 */
function rowAddress(endpoint: Endpoint, family: AddressFamily): string {
  const address = addressOf(endpoint, family);
  return family === 'ipv6' && familyOf(endpoint) === 'ipv4' ? `::ffff:${address}` : address;
}

/** The -e and -p columns: `root 22606 1489/master`, `1000 63128 6491/ssh`, `-`, `6492/sshd: kbrazil`. */
function owner(
  rest: string,
  warn: (message: string) => void,
): Pick<Socket, 'pid' | 'process' | 'uid' | 'inode'> {
  const out: Pick<Socket, 'pid' | 'process' | 'uid' | 'inode'> = {};
  let program = rest.replace(TIMER, '').trim();
  const first = /^\S+/.exec(program)?.[0];
  if (first === undefined) return out;
  if (first !== '-' && !/^\d+\//.test(first)) {
    // User (a name unless -n or --numeric-users) and Inode.
    const extended = /^(\S+)\s+(\d+)(?:\s+|$)/.exec(program);
    if (!extended?.[1] || !extended[2]) {
      warn(`cannot read the User and Inode columns ${quote(program)}`);
      return out;
    }
    if (/^\d{1,10}$/.test(extended[1])) out.uid = Number(extended[1]);
    if (extended[2] !== '0') out.inode = Number(extended[2]);
    program = program.slice(extended[0].length);
  }
  const owner = /^(\d+)\/(.+)$/.exec(program);
  if (owner?.[1] && owner[2]) {
    out.pid = Number(owner[1]);
    out.process = owner[2];
  } else if (program !== '-' && program !== '') {
    warn(`cannot read the PID/Program name column ${quote(program)}`);
  }
  return out;
}
