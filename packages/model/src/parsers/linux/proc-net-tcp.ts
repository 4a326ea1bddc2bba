import type { ParseResult, ParseWarning, Socket } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { stateByCode } from '../../vocabularies';
import { linuxKernel } from '../../vocabularies/linux-kernel';
import { ProcAddresses, type ByteOrder, type ProcEndpoint } from './proc-address';
import { Scanner } from './scanner';

export type { ByteOrder } from './proc-address';

export interface ProcNetTcpOptions {
  /** Byte order of the host that printed the text; little-endian (x86, arm64) unless told. */
  byteOrder?: ByteOrder;
}

/*
 * Line formats, from the kernel's seq_file printers (torvalds/linux):
 *   net/ipv4/tcp_ipv4.c get_tcp4_sock():
 *     "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %lu %lu %u %u %d"
 *     sl, local, remote, state, tx_queue:rx_queue, timer:expires, retransmits, uid, probes, inode,
 *     refcount, sock pointer, rto, ato, quick/pingpong, cwnd, ssthresh
 *   net/ipv4/tcp_ipv4.c get_timewait4_sock(): the same first twelve fields only, with queues, uid
 *     and inode printed as 0 and the timer as 3; state is tw_substate (TIME_WAIT, or FIN_WAIT2 for
 *     an orphan the kernel moved into a timewait socket)
 *   net/ipv4/tcp_ipv4.c get_openreq4(): twelve fields, state TCP_SYN_RECV, timer 1, the listener's
 *     uid, inode 0 ("open_requests have no inode")
 *   net/ipv6/tcp_ipv6.c get_tcp6_sock(), get_timewait6_sock(), get_openreq6(): the same, each
 *     address printed as four words "%08X%08X%08X%08X" of s6_addr32[0..3]
 * The header starts with "sl"; tcp and tcp6 files differ only in column widths.
 */

// Indexed once instead of looking each row's code up in the vocabulary.
const STATE_OF: readonly TcpState[] = Array.from({ length: 256 }, (_, code) =>
  stateByCode(linuxKernel, code),
);
const STATE_TEXT: readonly string[] = Array.from({ length: 256 }, (_, code) =>
  code.toString(16).toUpperCase().padStart(2, '0'),
);
// get_timewait4_sock()/get_timewait6_sock() print timer 3: the row's uid is a placeholder 0.
const TIMEWAIT_TIMER = 3;

interface Row {
  local: ProcEndpoint;
  remote: ProcEndpoint;
}

/**
 * Reads `/proc/net/tcp` and `/proc/net/tcp6` text, either file or both concatenated. Each row is
 * decoded in one pass over the line without copying it. `tx_queue` is the send queue; `rx_queue` the
 * receive queue, which for a LISTEN socket is the accept queue in use (sk_ack_backlog). A zero
 * inode (timewait, open request, orphan) means "no inode" and is left out.
 */
export function parseProcNetTcp(text: string, options: ProcNetTcpOptions = {}): ParseResult {
  const sockets: Socket[] = [];
  const warnings: ParseWarning[] = [];
  const scanner = new Scanner(text);
  const addresses = new ProcAddresses(options.byteOrder ?? 'little');
  const row: Row = {
    local: { address: '', family: 'ipv4', port: 0 },
    remote: { address: '', family: 'ipv4', port: 0 },
  };
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    scanner.line(start, end);
    const result = readRow(scanner, addresses, row);
    if (typeof result === 'string') warnings.push({ line: line + 1, message: result });
    else if (result) {
      sockets.push(result);
      if (result.state === TcpState.UNKNOWN) {
        warnings.push({ line: line + 1, message: `unknown state code ${result.rawState}` });
      }
    }
    start = end + 1;
  }
  if (text.trim() === '') warnings.push({ line: 0, message: 'the input is empty' });
  return { format: 'linux-proc', sockets, warnings };
}

/** One line: a socket, undefined for a header or blank line, or the reason it cannot be read. */
function readRow(s: Scanner, addresses: ProcAddresses, row: Row): Socket | string | undefined {
  s.skipSpaces();
  if (s.pos >= s.end) return undefined;
  if (s.text.startsWith('sl ', s.pos)) return undefined;
  s.dec(10);
  if (s.digits === 0 || !s.eat(58)) return 'does not start with a slot number "N:"';
  s.skipSpaces();
  const localProblem = addresses.read(s, row.local);
  if (localProblem) return `local ${localProblem}`;
  s.skipSpaces();
  const remoteProblem = addresses.read(s, row.remote);
  if (remoteProblem) return `remote ${remoteProblem}`;
  if (row.local.family !== row.remote.family) return 'local and remote addresses differ in family';
  s.skipSpaces();
  const stateAt = s.pos;
  const code = s.hex(3);
  if (s.digits === 0 || s.digits > 2 || !s.atBoundary()) return 'state is not two hex digits';
  const rawState = s.text.startsWith(STATE_TEXT[code] ?? '', stateAt) ? STATE_TEXT[code] : undefined;
  return readCounters(s, row, code, rawState ?? s.text.slice(stateAt, s.pos));
}

/** The fields after the state: queues, timer, retransmits, uid, probes, inode; the rest is ignored. */
function readCounters(s: Scanner, row: Row, code: number, rawState: string): Socket | string {
  s.skipSpaces();
  const sendQueue = s.hex(9);
  if (s.digits === 0 || s.digits > 8 || !s.eat(58)) return 'tx_queue is not 8 hex digits and ":"';
  const recvQueue = s.hex(9);
  if (s.digits === 0 || s.digits > 8 || !s.atBoundary()) return 'rx_queue is not 8 hex digits';
  s.skipSpaces();
  const timer = s.hex(3);
  if (s.digits === 0 || !s.eat(58) || !s.skipField()) return 'timer field "tr:when" is missing';
  if (!s.skipField()) return 'line ends before the retrnsmt field';
  s.skipSpaces();
  const uid = s.dec(11);
  if (s.digits === 0 || uid > 0xffffffff || !s.atBoundary()) return 'uid is not a 32-bit decimal number';
  if (!s.skipField()) return 'line ends before the timeout field';
  s.skipSpaces();
  const inode = s.dec(21);
  if (s.digits === 0 || inode > Number.MAX_SAFE_INTEGER || !s.atBoundary()) {
    return 'inode is not a decimal number below 2^53';
  }
  return {
    family: row.local.family,
    localAddress: row.local.address,
    localPort: row.local.port,
    remoteAddress: row.remote.address,
    remotePort: row.remote.port,
    state: STATE_OF[code] ?? TcpState.UNKNOWN,
    rawState,
    recvQueue,
    sendQueue,
    uid: timer === TIMEWAIT_TIMER ? undefined : uid,
    inode: inode === 0 ? undefined : inode,
  };
}
