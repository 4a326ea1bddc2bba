import type { AddressFamily, ParseResult, Socket } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { VOCABULARIES } from '../../vocabularies';
import { parseColonEndpoint } from './bsd-address';
import { count, fields, lines, Report } from './report';

/**
 * FreeBSD `sockstat` in any of its forms (`-4 -6 -P tcp`, `-c`, `-l`, `-s`, `-w`, `-q`). Layout from
 * freebsd-src usr.bin/sockstat/sockstat.c display() and displaysock(): USER COMMAND PID FD PROTO
 * LOCAL ADDRESS FOREIGN ADDRESS, then optional FIB, SPLICE ADDRESS, ID, ENCAPS, PATH STATE, CONN STATE,
 * STACK, CC; rows without an owning file print `?` for USER COMMAND PID FD.
 *
 * The TCP state is only printed with -s (CONN STATE, from tcpstates[]). Without it, sockstat itself
 * only knows "listening" (foreign port 0, its -l) from "connected" (its -c): gather_inet() tests
 * inp_fport. So a row whose foreign port is 0 is reported LISTEN (it may also be a socket that is
 * bound and never listened, which sockstat shows the same way), any other row UNKNOWN; rawState is
 * empty and one warning on line 0 says the states were inferred.
 * Addresses come from printaddr(): `addr:port`, `*` for the wildcard address and for port 0, IPv6
 * bare (`::1:22`, `fe80::1%em0:22`) in older releases and bracketed (`[::1]:22`) in newer ones.
 */
export function parseSockstat(text: string): ParseResult {
  const report = new Report('freebsd-sockstat');
  let hasState: boolean | undefined;
  let inferred = false;
  lines(text).forEach((line, index) => {
    const number = index + 1;
    const tokens = fields(line);
    if (tokens.length === 0) return;
    if (tokens[0] === 'USER' && tokens.includes('PROTO')) {
      hasState = line.includes('CONN STATE');
      return;
    }
    if (/sockstat\b/.test(line) && !tokens.some(isInetProto)) return; // the command line echoed in a paste
    if (/^\s/.test(line) && tokens.every((token) => token.includes(':'))) return; // more SCTP addresses
    const socket = readRow(report, tokens, number, hasState);
    if (!socket) return;
    inferred ||= socket.rawState === '';
    report.sockets.push(socket);
  });
  if (inferred)
    report.warn(0, 'sockstat printed no TCP state (no -s): foreign port 0 read as LISTEN, others as UNKNOWN');
  return report.result();
}

// The transport column of Internet rows; unix rows say stream, dgram or seqpac instead.
function isInetProto(token: string): boolean {
  return /^(tcp|toe|udp|sctp|div)(4|6|46)?$/.test(token);
}

function readRow(report: Report, tokens: string[], number: number, hasState?: boolean): Socket | undefined {
  // The command is cut to 10 characters but may hold a space: find PROTO, then count back.
  const proto = tokens.findIndex((token, i) => i >= 4 && isInetProto(token));
  if (proto < 0) {
    if (!tokens.some((token) => /^(stream|dgram|seqpac)$/.test(token)))
      report.warn(number, 'not a sockstat row');
    return undefined;
  }
  const name = tokens[proto] ?? '';
  if (!name.startsWith('tcp') && !name.startsWith('toe')) return undefined;
  if (tokens.length < proto + 3) {
    report.warn(number, `truncated row: no ${tokens.length === proto + 1 ? 'local' : 'foreign'} address`);
    return undefined;
  }
  const family: AddressFamily = name.endsWith('4') ? 'ipv4' : 'ipv6';
  const local = parseColonEndpoint(tokens[proto + 1], family);
  const remote = parseColonEndpoint(tokens[proto + 2], family);
  if (!local || !remote) {
    report.warn(
      number,
      `cannot read address "${local ? tokens[proto + 2] : tokens[proto + 1]}" (cut without -w?)`,
    );
    return undefined;
  }
  const rawState = hasState === false ? '' : stateAfter(tokens.slice(proto + 3));
  const state =
    rawState === '' ? inferState(remote.port) : report.state(VOCABULARIES.freebsd, rawState, number);
  const socket: Socket = {
    family: local.family === 'ipv6' || remote.family === 'ipv6' ? 'ipv6' : 'ipv4',
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote.address,
    remotePort: remote.port,
    state,
    rawState,
  };
  return owned(socket, tokens, proto);
}

// After the addresses come numbers (FIB, ID, ENCAPS), maybe a splice address, then CONN STATE, then
// words again (STACK, CC). The state is the first word that is neither.
function stateAfter(rest: string[]): string {
  return rest.find((token) => !/^\d+$/.test(token) && !token.includes(':')) ?? '';
}

function inferState(remotePort: number): TcpState {
  return remotePort === 0 ? TcpState.LISTEN : TcpState.UNKNOWN;
}

function owned(socket: Socket, tokens: string[], proto: number): Socket {
  const pid = count(tokens[proto - 2]);
  const command = tokens.slice(1, proto - 2).join(' ');
  if (pid !== undefined) socket.pid = pid;
  if (command !== '' && command !== '?') socket.process = command;
  return socket;
}
