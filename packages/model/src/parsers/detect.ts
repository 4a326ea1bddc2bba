import type { FormatName } from '../socket';
import { linuxSs } from '../vocabularies/linux-ss';

// ss rows without their header start with an optional netid (iproute2 misc/ss.c, netid names)
// and one of ss's own state words.
const ssStateWords = linuxSs.entries.map((entry) => entry.name.replace(/-/g, '\\-')).join('|');
const ssRow = new RegExp(
  `^(?:(?:tcp|udp|raw|nl|p_raw|p_dgr|u_str|u_dgr|u_seq|v_str|v_dgr|mptcp|sctp)\\s+)?(?:${ssStateWords})\\s+\\d+\\s+\\d+\\s+\\S+:(?:\\d+|\\*)\\s`,
);

/**
 * Signs that tell pasted socket listings apart, each the header or row shape one tool prints.
 * Checked in order, most specific first: the first sign found in the first lines decides.
 */
interface Sign {
  format: FormatName;
  test: (line: string) => boolean;
}

const SIGNS: readonly Sign[] = [
  // /proc/net/tcp header, or a bare row: "  0: 0100007F:0277 00000000:0000 0A ..."
  { format: 'linux-proc', test: (l) => /^\s*sl\s+local_address\s+rem(ote)?_address\s+st\b/.test(l) },
  {
    format: 'linux-proc',
    test: (l) => /^\s*\d+:\s+[0-9A-Fa-f]{8}(?:[0-9A-Fa-f]{24})?:[0-9A-Fa-f]{4}\s/.test(l),
  },
  // PowerShell: Format-Table header, or ConvertTo-Json output.
  { format: 'powershell-table', test: (l) => /^\s*LocalAddress\s+LocalPort\b/.test(l) },
  // JSON opens with [ or { followed by a quote, a brace or nothing: not a shell prompt like "[root@h ~]#".
  { format: 'powershell-json', test: (l) => /^\s*[[{]\s*(["{[]|$)/.test(l) },
  // illumos/Solaris netstat: per-protocol sections, or its TCP header with Swind/Rwind.
  { format: 'illumos-netstat', test: (l) => /^TCP: IPv[46]\s*$/.test(l) },
  {
    format: 'illumos-netstat',
    test: (l) => /^\s*Local Address\s+Remote Address\s.*\bSwind\s+Send-Q\s+Rwind\b/.test(l),
  },
  // FreeBSD sockstat: "USER COMMAND PID FD PROTO LOCAL ADDRESS FOREIGN ADDRESS".
  { format: 'freebsd-sockstat', test: (l) => /^USER\s+COMMAND\s+PID\s+FD\s+PROTO\b/.test(l) },
  // ss: its header names the columns "Local Address:Port", rows start with a netid or a state.
  { format: 'linux-ss', test: (l) => /Local Address:Port\s+Peer Address:Port/.test(l) },
  { format: 'linux-ss', test: (l) => ssRow.test(l) },
  // macOS netstat: -v columns, -A's Flowhash, sections only XNU has, and the two spaces its header
  // and rows put after Send-Q (FreeBSD puts one; Apple network_cmds netstat.tproj/inet.c).
  { format: 'macos-netstat', test: (l) => /\brhiwat\s+shiwat\b|\bSocket\s+Flowhash\b/.test(l) },
  {
    format: 'macos-netstat',
    test: (l) => /^Active (LOCAL \(UNIX\) domain sockets|Multipath Internet)/.test(l),
  },
  { format: 'macos-netstat', test: (l) => /^Proto Recv-Q Send-Q {2}Local Address/.test(l) },
  { format: 'macos-netstat', test: (l) => /^tcp(4|6|46) +\d+ +\d+ {2}\S+\.(\d+|\*) /.test(l) },
  // Windows netstat: upper-case TCP rows with host:port pairs (headers are localised, rows are not).
  { format: 'windows-netstat', test: (l) => /^\s+TCP\s+\S+:\d+\s+\S+:(\d+|\*)\s*/.test(l) },
  // Linux net-tools: "tcp"/"tcp6" rows with host:port; BSD netstat prints tcp4/tcp46 and host.port.
  { format: 'linux-netstat', test: (l) => /^tcp6?\s+\d+\s+\d+\s+\S+:(\d+|\*|[a-z][\w-]*)\s/.test(l) },
  {
    format: 'linux-netstat',
    test: (l) =>
      /^Active Internet connections \((servers and established|only servers|w\/o servers)\)/.test(l),
  },
  // FreeBSD vs macOS plain netstat -an: FreeBSD's unix section header, else the shared BSD row shape.
  { format: 'freebsd-netstat', test: (l) => /^Active UNIX domain sockets/.test(l) },
  { format: 'freebsd-netstat', test: (l) => /^tcp(4|6|46)\s+\d+\s+\d+\s+\S+\.(\d+|\*)\s/.test(l) },
];

/** How many lines detection reads: enough to pass a banner and a header, cheap on huge input. */
const LINES_READ = 64;

/**
 * Guesses the format of pasted socket-listing text, or undefined when nothing looks familiar.
 * Each sign is tried over the first lines before the next, less specific sign is tried.
 */
export function detectFormat(text: string): FormatName | undefined {
  const lines = firstLines(text, LINES_READ);
  for (const sign of SIGNS) {
    if (lines.some(sign.test)) return sign.format;
  }
  return undefined;
}

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '' && !line.startsWith('#')) lines.push(line);
    start = end + 1;
  }
  return lines;
}
