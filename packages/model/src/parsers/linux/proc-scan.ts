import { MAX_WARNINGS } from '../common/warnings';
import type { ParseWarning, Socket } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { stateByCode } from '../../vocabularies';
import { linuxKernel } from '../../vocabularies/linux-kernel';
import { ProcAddresses, type ByteOrder, type ProcEndpoint } from './proc-address';
import { Scanner } from './scanner';

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
const NEWLINE = 10;

/**
 * One row as the scanner hands it to a visitor. The object is reused for the next row: a visitor
 * that keeps a row copies the fields it needs. `tx_queue` is the send queue; `rx_queue` the receive
 * queue, which for a LISTEN socket is the accept queue in use (sk_ack_backlog). A zero inode
 * (timewait, open request, orphan) means "no inode" and reads as undefined.
 */
export interface ProcRow extends Pick<
  Socket,
  'family' | 'localAddress' | 'localPort' | 'remoteAddress' | 'remotePort' | 'state' | 'rawState'
> {
  recvQueue: number;
  sendQueue: number;
  uid: number | undefined;
  inode: number | undefined;
  /** The row's line, counted from 1 over everything scanned so far. */
  line: number;
}

export type ProcRowVisitor = (row: Readonly<ProcRow>) => void;

/**
 * Reads `/proc/net/tcp` and `tcp6` bytes a chunk at a time and hands each row to a visitor, so a
 * caller that only counts never holds an object per socket nor the text as a string.
 */
export class ProcNetTcpScanner {
  /** The first MAX_WARNINGS warnings; `droppedWarnings` counts the rest. */
  readonly warnings: ParseWarning[] = [];
  droppedWarnings = 0;
  /** False once a line held anything but blanks. */
  blank = true;
  private lines = 0;
  private readonly addresses: ProcAddresses;
  private readonly local: ProcEndpoint = { address: '', family: 'ipv4', port: 0 };
  private readonly remote: ProcEndpoint = { address: '', family: 'ipv4', port: 0 };
  private readonly row: ProcRow = {
    family: 'ipv4',
    localAddress: '',
    localPort: 0,
    remoteAddress: '',
    remotePort: 0,
    state: TcpState.UNKNOWN,
    rawState: '',
    recvQueue: 0,
    sendQueue: 0,
    uid: undefined,
    inode: undefined,
    line: 0,
  };

  constructor(
    private readonly visit: ProcRowVisitor,
    options: ProcNetTcpOptions = {},
  ) {
    this.addresses = new ProcAddresses(options.byteOrder ?? 'little');
  }

  /**
   * Scans the complete lines of bytes[0, length) and, when `last`, the unterminated rest as a final
   * line. Returns how many bytes it used: the caller keeps the rest for the next chunk.
   */
  // A pasted file of garbage must not make a result larger than the file: past the cap, count only.
  private warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ line: this.lines, message });
    else this.droppedWarnings++;
  }

  scan(bytes: Uint8Array, length: number = bytes.length, last = true): number {
    const view = length === bytes.length ? bytes : bytes.subarray(0, length);
    const s = new Scanner(view);
    let start = 0;
    while (start < length) {
      let end = view.indexOf(NEWLINE, start);
      if (end < 0) {
        if (!last) return start;
        end = length;
      }
      this.lines++;
      s.line(start, end);
      const problem = this.readRow(s);
      if (problem !== undefined) this.warn(problem);
      start = end + 1;
    }
    return length;
  }

  /** Reads one line and visits its socket; returns why a line that is not a row cannot be read. */
  private readRow(s: Scanner): string | undefined {
    s.skipSpaces();
    if (s.pos >= s.end) return undefined;
    this.blank = false;
    if (s.startsWith('sl ')) return undefined;
    s.dec(10);
    if (s.digits === 0 || !s.eat(58)) return 'does not start with a slot number "N:"';
    s.skipSpaces();
    const localProblem = this.addresses.read(s, this.local);
    if (localProblem) return `local ${localProblem}`;
    s.skipSpaces();
    const remoteProblem = this.addresses.read(s, this.remote);
    if (remoteProblem) return `remote ${remoteProblem}`;
    if (this.local.family !== this.remote.family) return 'local and remote addresses differ in family';
    s.skipSpaces();
    const stateAt = s.pos;
    const code = s.hex(3);
    if (s.digits === 0 || s.digits > 2 || !s.atBoundary()) return 'state is not two hex digits';
    const text = STATE_TEXT[code];
    const rawState = s.startsWith(text, stateAt) ? text : s.ascii(stateAt, s.pos);
    const problem = this.readCounters(s, code, rawState);
    if (problem !== undefined) return problem;
    this.visit(this.row);
    return this.row.state === TcpState.UNKNOWN ? `unknown state code ${rawState}` : undefined;
  }

  /** The fields after the state: queues, timer, retransmits, uid, probes, inode; the rest is ignored. */
  private readCounters(s: Scanner, code: number, rawState: string): string | undefined {
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
    const { row, local, remote } = this;
    row.family = local.family;
    row.localAddress = local.address;
    row.localPort = local.port;
    row.remoteAddress = remote.address;
    row.remotePort = remote.port;
    row.state = STATE_OF[code] ?? TcpState.UNKNOWN;
    row.rawState = rawState;
    row.recvQueue = recvQueue;
    row.sendQueue = sendQueue;
    row.uid = timer === TIMEWAIT_TIMER ? undefined : uid;
    row.inode = inode === 0 ? undefined : inode;
    row.line = this.lines;
    return undefined;
  }
}

/**
 * Scans a whole `/proc/net/tcp` or `tcp6` buffer (or both concatenated), visiting each row, and
 * returns the warnings: lines that are not rows, unknown state codes, an empty input.
 */
export function scanProcNetTcp(
  bytes: Uint8Array,
  visit: ProcRowVisitor,
  options: ProcNetTcpOptions = {},
): ParseWarning[] {
  const scanner = new ProcNetTcpScanner(visit, options);
  scanner.scan(bytes);
  if (scanner.blank) scanner.warnings.push({ line: 0, message: 'the input is empty' });
  if (scanner.droppedWarnings > 0) {
    scanner.warnings.push({ line: 0, message: `${scanner.droppedWarnings} further warnings not shown` });
  }
  return scanner.warnings;
}
