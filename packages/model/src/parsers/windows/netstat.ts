import type { ParseResult, Socket } from '../../socket';
import { VOCABULARIES } from '../../vocabularies';
import { parseColonEndpoint } from '../freebsd/bsd-address';
import { count, fields, lines, Report } from '../freebsd/report';

/**
 * Windows `netstat -an`, `-ano` and `-anob`. Rows are recognised by their shape,
 * `TCP <local> <foreign> <state> [pid]`, never by the header, whose words are translated on
 * non-English Windows (the state words are too: those the windows-netstat vocabulary does not know
 * become UNKNOWN with a warning). UDP rows have no state and are skipped.
 * With -b, each row may be followed by a component line (`  RpcSs`) and by `[executable]` or a
 * sentence saying the owner cannot be obtained; the executable names the process of the row above.
 * Reference: https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/netstat
 */
// "C:\> netstat -ano", "Active Connections" and the column header, in whatever language.
const PREAMBLE_LINES = 3;

export function parseWindowsNetstat(text: string): ParseResult {
  const report = new Report('windows-netstat');
  let rows = 0;
  let preamble = 0;
  let owner: Socket | undefined;
  let ownerLines = 0;
  lines(text).forEach((line, index) => {
    const number = index + 1;
    const tokens = fields(line);
    if (tokens.length === 0) return;
    const proto = (tokens[0] ?? '').toUpperCase();
    if (proto === 'TCP' || proto === 'UDP') {
      rows++;
      ownerLines = 0;
      owner = proto === 'TCP' ? readRow(report, tokens, number) : undefined;
      if (owner) report.sockets.push(owner);
      return;
    }
    if (rows > 0 && ownerLines < 2 && isOwnerLine(line, tokens)) {
      ownerLines++;
      const name = /^\s*\[(.+)\]\s*$/.exec(line)?.[1];
      if (name !== undefined && owner) owner.process = name;
      return;
    }
    // Before the first row come the echoed command, the title and the translated header; nothing else.
    if (rows === 0 && ++preamble <= PREAMBLE_LINES) return;
    report.warn(number, 'not a netstat row');
  });
  if (rows === 0 && preamble > 0) report.warn(0, 'no netstat rows found');
  return report.result();
}

// -b lines are indented: "[name.exe]", a component name, or a sentence with no digits or colons.
function isOwnerLine(line: string, tokens: string[]): boolean {
  if (!/^\s/.test(line)) return false;
  if (/^\s*\[.+\]\s*$/.test(line)) return true;
  if (tokens.length === 1) return !(tokens[0] ?? '').includes(':');
  return /^[\p{L}\s'.,-]+$/u.test(line);
}

function readRow(report: Report, tokens: string[], number: number): Socket | undefined {
  if (tokens.length < 4) {
    report.warn(number, `truncated row: ${tokens.length} fields, expected 4 or 5`);
    return undefined;
  }
  const local = parseColonEndpoint(tokens[1], 'ipv4');
  const remote = parseColonEndpoint(tokens[2], 'ipv4');
  if (!local || !remote) {
    report.warn(number, `cannot read address "${local ? tokens[2] : tokens[1]}"`);
    return undefined;
  }
  // -o appends the PID; a translated state word may in principle hold a space.
  const last = tokens[tokens.length - 1];
  const pid = tokens.length >= 5 ? count(last) : undefined;
  const rawState = tokens.slice(3, pid === undefined ? undefined : -1).join(' ');
  const socket: Socket = {
    family: local.family === 'ipv6' || remote.family === 'ipv6' ? 'ipv6' : 'ipv4',
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote.address,
    remotePort: remote.port,
    state: report.state(VOCABULARIES['windows-netstat'], rawState, number),
    rawState,
  };
  if (pid !== undefined) socket.pid = pid;
  return socket;
}
