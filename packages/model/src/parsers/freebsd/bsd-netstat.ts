import type { AddressFamily, FormatName, ParseResult, Socket } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import type { Vocabulary } from '../../vocabularies';
import { mayBeCutIPv6Host, parseDottedEndpoint } from './bsd-address';
import { type BsdLayout, DEFAULT_LAYOUT, readBsdHeader, rowLayout } from './bsd-layout';
import { count, fields, lines, Report } from './report';

/** What one OS adds to the shared BSD netstat reader. */
export interface BsdNetstatDialect {
  format: FormatName;
  vocabulary: Vocabulary;
  /** Reads the columns after `(state)` (macOS -v: pid and process); may warn. */
  extras?: (
    after: string[],
    values: string[],
    line: number,
    report: Report,
  ) => Pick<Socket, 'pid' | 'process'>;
}

interface Scan {
  report: Report;
  dialect: BsdNetstatDialect;
  layout: BsdLayout;
  /** Inside an Internet section (or before any section line, for pastes without one). */
  inet: boolean;
  /** An address wider than netstat's column was seen: the output was made with -W, nothing was cut. */
  wide: boolean;
  maybeCut: { line: number; message: string }[];
}

/**
 * Reads FreeBSD or macOS `netstat -an` style text in one pass. UDP, raw, ICMP, divert and UNIX-domain
 * rows and sections are skipped without a warning.
 */
export function parseBsdNetstat(text: string, dialect: BsdNetstatDialect): ParseResult {
  const scan: Scan = {
    report: new Report(dialect.format),
    dialect,
    layout: DEFAULT_LAYOUT,
    inet: true,
    wide: false,
    maybeCut: [],
  };
  lines(text).forEach((line, index) => readLine(scan, line, index + 1));
  // Cut addresses can only be told apart from whole ones once the whole output is seen (-W or not).
  if (!scan.wide) scan.maybeCut.forEach(({ line, message }) => scan.report.warn(line, message));
  return scan.report.result();
}

function readLine(scan: Scan, line: string, number: number): void {
  const tokens = fields(line);
  if (tokens.length === 0 || /^Some \w+ sockets may have been/.test(line)) return;
  if (readSectionLine(scan, line, number)) return;
  if (!scan.inet) return;
  const header = readBsdHeader(tokens);
  if (header) {
    scan.layout = header;
    if (header.state < 0)
      scan.report.warn(number, 'this table has no (state) column (netstat -x?): states are UNKNOWN');
    return;
  }
  if (/netstat\b/.test(line) && !/^(tcp|udp)/i.test(tokens[0] ?? '')) return; // the command line echoed in a paste
  readRow(scan, tokens, number);
}

// netstat prints one "Active ..." line before each section; only the Internet ones hold TCP rows.
function readSectionLine(scan: Scan, line: string, number: number): boolean {
  const trimmed = line.trim();
  if (/^Active Internet connections/.test(trimmed)) {
    [scan.inet, scan.layout] = [true, DEFAULT_LAYOUT];
    return true;
  }
  if (/^Current listen queue sizes/.test(trimmed)) {
    scan.inet = false;
    scan.report.warn(number, 'netstat -L output (listen queue sizes) is not read; use netstat -an');
    return true;
  }
  if (/^(Active |Registered kernel control modules)/.test(trimmed)) {
    scan.inet = false;
    return true;
  }
  return false;
}

function readRow(scan: Scan, tokens: string[], number: number): void {
  const layout = rowLayout(scan.layout, tokens);
  if (!layout) {
    scan.report.warn(number, 'not a netstat row: no protocol column');
    return;
  }
  const proto = (tokens[layout.proto] ?? '').toLowerCase();
  if (!proto.startsWith('tcp')) return;
  const needed = Math.max(layout.foreign, layout.state) + 1;
  if (tokens.length < needed) {
    scan.report.warn(number, `truncated row: ${tokens.length} fields, expected at least ${needed}`);
    return;
  }
  const socket = readSocket(scan, layout, tokens, number, familyOf(proto));
  if (socket) scan.report.sockets.push(socket);
}

// tcp4 is IPv4; tcp6 IPv6; tcp46 a dual-stack IPv6 socket that also takes IPv4 (INP_IPV4|INP_IPV6).
function familyOf(proto: string): AddressFamily {
  return proto.endsWith('6') ? 'ipv6' : 'ipv4';
}

function readSocket(
  scan: Scan,
  layout: BsdLayout,
  tokens: string[],
  number: number,
  family: AddressFamily,
): Socket | undefined {
  const [localText, foreignText] = [tokens[layout.local] ?? '', tokens[layout.foreign] ?? ''];
  const local = parseDottedEndpoint(localText, family);
  const remote = parseDottedEndpoint(foreignText, family);
  if (!local || !remote) {
    const bad = local ? foreignText : localText;
    scan.report.warn(
      number,
      `cannot read address "${bad}" (cut by netstat without -W, or a name without -n?)`,
    );
    return undefined;
  }
  noteCut(scan, layout, [localText, foreignText], number);
  const rawState = layout.state < 0 ? '' : (tokens[layout.state] ?? '');
  const state =
    layout.state < 0 ? TcpState.UNKNOWN : scan.report.state(scan.dialect.vocabulary, rawState, number);
  const socket: Socket = {
    family: local.family === 'ipv6' || remote.family === 'ipv6' ? 'ipv6' : 'ipv4',
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote.address,
    remotePort: remote.port,
    state,
    rawState,
  };
  const recvQueue = count(tokens[layout.recvQueue]);
  const sendQueue = count(tokens[layout.sendQueue]);
  if (recvQueue !== undefined) socket.recvQueue = recvQueue;
  if (sendQueue !== undefined) socket.sendQueue = sendQueue;
  const extras = scan.dialect.extras;
  if (extras && layout.state >= 0)
    Object.assign(socket, extras(layout.after, tokens.slice(layout.state + 1), number, scan.report));
  return socket;
}

// Without -W netstat cuts each endpoint to its column (18 with -A, else 22) and IPv6 hosts to 16.
function noteCut(scan: Scan, layout: BsdLayout, endpoints: string[], number: number): void {
  const width = layout.prefixed ? 18 : 22;
  for (const endpoint of endpoints) {
    if (endpoint.length > width) scan.wide = true;
    else if (endpoint.length === width || mayBeCutIPv6Host(endpoint))
      scan.maybeCut.push({
        line: number,
        message: `address "${endpoint}" fills its column and may have been cut by netstat (use -W)`,
      });
  }
}
