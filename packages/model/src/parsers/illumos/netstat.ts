import type { AddressFamily, ParseResult, Socket } from '../../socket';
import { VOCABULARIES } from '../../vocabularies';
import { parseDottedEndpoint } from '../freebsd/bsd-address';
import { count, fields, lines, Report } from '../freebsd/report';

interface Scan {
  report: Report;
  /** The family of the TCP section being read; undefined outside TCP sections. */
  tcp?: AddressFamily;
  /** Whether the TCP table has the `User Pid Command` columns of -u. */
  owners: boolean;
  /** A section line or table header was seen: lines outside TCP tables belong to other sections. */
  started: boolean;
}

/**
 * illumos / Solaris `netstat -an` (also `-f inet`, `-f inet6`, `-P tcp`, and -u with its User, Pid,
 * Command columns). Each protocol prints its own section, "TCP: IPv4" and "TCP: IPv6" with their own
 * headers (`Local Address Remote Address Swind Send-Q Rwind Recv-Q State`, IPv6 adding `If`); UDP,
 * SCTP, RAWIP and UNIX-domain sections are skipped. Wide window values push later columns right, so
 * rows are read by fields, counted from the end where the State (and the If of IPv6) sits.
 * Source: illumos-gate usr/src/cmd/cmd-inet/usr.bin/netstat/netstat.c (mib_get_tcp reporting,
 * mitcp_state() for the state names).
 */
export function parseIllumosNetstat(text: string): ParseResult {
  const scan: Scan = { report: new Report('illumos-netstat'), owners: false, started: false };
  lines(text).forEach((line, index) => readLine(scan, line, index + 1));
  return scan.report.result();
}

function readLine(scan: Scan, line: string, number: number): void {
  const tokens = fields(line);
  if (tokens.length === 0 || /^[-\s]+$/.test(line)) return;
  const section = /^\s*([A-Z0-9]+):\s*(IPv[46])?\s*$/.exec(line);
  if (section) {
    scan.started = true;
    scan.tcp = section[1] === 'TCP' ? (section[2] === 'IPv6' ? 'ipv6' : 'ipv4') : undefined;
    return;
  }
  if (/^Active UNIX domain sockets/.test(line.trim())) {
    [scan.started, scan.tcp] = [true, undefined];
    return;
  }
  if (line.includes('Local Address') && line.includes('Remote Address')) {
    // A TCP table header; pastes cut to the table (netstat -P tcp) have no section line above it.
    scan.started = true;
    if (line.includes('Swind')) scan.tcp ??= 'ipv4';
    else scan.tcp = undefined;
    scan.owners = line.includes('Pid');
    return;
  }
  if (/netstat\b/.test(line)) return; // the command line echoed in a paste
  if (scan.tcp) readRow(scan, scan.tcp, tokens, number);
  else if (!scan.started) scan.report.warn(number, 'not in a TCP section of netstat output');
}

function readRow(scan: Scan, family: AddressFamily, tokens: string[], number: number): void {
  // State is last, or last but one when the IPv6 If column is filled; Recv-Q is always before it.
  const state = count(tokens[tokens.length - 2]) !== undefined ? tokens.length - 1 : tokens.length - 2;
  const fixed = scan.owners ? 5 : 2; // local remote [user pid command...]
  if (state - 4 < fixed || (!scan.owners && state - 4 !== fixed)) {
    scan.report.warn(number, `unexpected number of fields (${tokens.length}) for a TCP row`);
    return;
  }
  const local = parseDottedEndpoint(tokens[0] ?? '', family);
  const remote = parseDottedEndpoint(tokens[1] ?? '', family);
  if (!local || !remote) {
    scan.report.warn(number, `cannot read address "${local ? tokens[1] : tokens[0]}"`);
    return;
  }
  const rawState = tokens[state] ?? '';
  const socket: Socket = {
    family: local.family === 'ipv6' || remote.family === 'ipv6' ? 'ipv6' : family,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote.address,
    remotePort: remote.port,
    state: scan.report.state(VOCABULARIES.illumos, rawState, number),
    rawState,
  };
  const [sendQueue, recvQueue] = [count(tokens[state - 3]), count(tokens[state - 1])];
  if (sendQueue !== undefined) socket.sendQueue = sendQueue;
  if (recvQueue !== undefined) socket.recvQueue = recvQueue;
  if (scan.owners) addOwner(socket, tokens.slice(2, state - 4));
  scan.report.sockets.push(socket);
}

function addOwner(socket: Socket, owner: string[]): void {
  const pid = count(owner[1]);
  const command = owner.slice(2).join(' ');
  if (pid !== undefined) socket.pid = pid;
  if (command !== '') socket.process = command;
}
