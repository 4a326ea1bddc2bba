import type { ParseResult, Socket } from '../../socket';
import { VOCABULARIES } from '../../vocabularies';
import { normaliseAddress, parsePort } from '../common/address';
import { count, fields, lines, Report } from '../freebsd/report';

interface Column {
  name: string;
  start: number;
  /** Exclusive; undefined for the last column, which runs to the end of the line. */
  end?: number;
}

const REQUIRED = ['LocalAddress', 'LocalPort', 'RemoteAddress', 'RemotePort', 'State'];

/**
 * The `Get-NetTCPConnection` table as PowerShell prints it (`Format-Table`, with or without
 * -AutoSize). Columns are found from the header and the dashes line under it; which columns appear
 * depends on the console width (OwningProcess is the first to go), so any set holding LocalAddress,
 * LocalPort, RemoteAddress, RemotePort and State is read. Values are cut by column position, because
 * AppliedSetting is empty on most rows; a row that does not fit the positions is read by fields when
 * it has exactly one per column. Several tables in one paste are read one after the other.
 * State names: MSFT_NetTCPConnection State (the powershell vocabulary).
 */
export function parsePowershellTable(text: string): ParseResult {
  const report = new Report('powershell-table');
  const all = lines(text);
  let columns: Column[] | undefined;
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    const number = i + 1;
    if (line.trim() === '' || /^PS [^>]*>/.test(line)) continue; // blank, or the prompt and command
    const next = all[i + 1];
    if (next !== undefined && isDashes(next) && !isDashes(line)) {
      columns = readColumns(report, line, next, number);
      i++;
      continue;
    }
    if (!columns) report.warn(number, 'no Get-NetTCPConnection table header above this line');
    else readRow(report, columns, line, number);
  }
  return report.result();
}

function isDashes(line: string): boolean {
  return /-/.test(line) && /^[\s-]+$/.test(line);
}

function readColumns(report: Report, header: string, dashes: string, number: number): Column[] | undefined {
  const starts = [...dashes.matchAll(/-+/g)].map((match) => match.index);
  const columns = starts.map((start, i) => {
    const end = starts[i + 1];
    return { name: header.slice(start, end).trim(), start, end };
  });
  const missing = REQUIRED.filter((name) => !columns.some((column) => column.name === name));
  if (missing.length === 0) return columns;
  report.warn(number, `not a Get-NetTCPConnection table: no ${missing.join(', ')} column`);
  return undefined;
}

function readRow(report: Report, columns: Column[], line: string, number: number): void {
  const bySlice = columns.map((column) => line.slice(column.start, column.end).trim());
  const tokens = fields(line);
  const socket =
    toSocket(report, columns, bySlice, number) ??
    (tokens.length === columns.length ? toSocket(report, columns, tokens, number) : undefined);
  if (socket) report.sockets.push(socket);
  else report.warn(number, `cannot read row "${line.trim()}"`);
}

// Looks the state up (and so may warn) only once the row is known to be readable.
function toSocket(report: Report, columns: Column[], values: string[], number: number): Socket | undefined {
  const value = (name: string) => values[columns.findIndex((column) => column.name === name)] ?? '';
  const local = normaliseAddress(value('LocalAddress'), 'ipv4');
  const remote = normaliseAddress(value('RemoteAddress'), 'ipv4');
  const localPort = parsePort(value('LocalPort'));
  const remotePort = parsePort(value('RemotePort'));
  const rawState = value('State');
  if (!local || !remote || localPort === undefined || remotePort === undefined || rawState === '')
    return undefined;
  const socket: Socket = {
    family: local.family === 'ipv6' || remote.family === 'ipv6' ? 'ipv6' : 'ipv4',
    localAddress: local.address,
    localPort,
    remoteAddress: remote.address,
    remotePort,
    state: report.state(VOCABULARIES.powershell, rawState, number),
    rawState,
  };
  const pid = count(value('OwningProcess'));
  if (pid !== undefined) socket.pid = pid;
  return socket;
}
