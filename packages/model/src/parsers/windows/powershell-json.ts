import type { ParseResult, Socket } from '../../socket';
import type { TcpState } from '../../states/tcp-state';
import { VOCABULARIES } from '../../vocabularies';
import { normaliseAddress } from '../common/address';
import { Report } from '../freebsd/report';
import { scanJson } from './json-scan';

/** Deeper JSON is refused before JSON.parse sees it: Get-NetTCPConnection output is 3 or 4 deep. */
export const MAX_JSON_DEPTH = 64;

type Item = Record<string, unknown>;

/**
 * `Get-NetTCPConnection | ConvertTo-Json`: an array of MSFT_NetTCPConnection objects, or one object
 * when there is one connection (or `{ "value": [...] }` from some PowerShell 5.1 pipelines).
 * State is the enumeration's number (2 = Listen) or, with `-EnumsAsStrings`, its name; OwningProcess
 * is the pid. Every element that is not a readable TCP connection becomes a warning at the line where
 * it starts. Source: https://learn.microsoft.com/en-us/windows/win32/fwp/wmi/nettcpipprov/msft-nettcpconnection
 */
export function parsePowershellJson(text: string): ParseResult {
  const report = new Report('powershell-json');
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    report.warn(0, 'empty input');
    return report.result();
  }
  const scan = scanJson(body);
  if (scan.depth > MAX_JSON_DEPTH) {
    report.warn(1, `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not read`);
    return report.result();
  }
  const value = parse(report, body);
  if (value === undefined) return report.result();
  const wrapped = isItem(value) && Array.isArray(value['value']);
  const items: unknown[] = Array.isArray(value) ? value : wrapped ? (value['value'] as unknown[]) : [value];
  const starts = Array.isArray(value) ? scan.starts[1] : wrapped ? scan.starts[2] : scan.starts[0];
  items.forEach((item, i) => {
    const socket = readItem(report, item, starts[i] ?? 1);
    if (socket) report.sockets.push(socket);
  });
  return report.result();
}

function parse(report: Report, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const line = body.slice(0, position).split('\n').length;
    report.warn(line, `not valid JSON: ${message}`);
    return undefined;
  }
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readItem(report: Report, item: unknown, line: number): Socket | undefined {
  if (!isItem(item)) {
    report.warn(line, 'element is not an object');
    return undefined;
  }
  const local = address(item['LocalAddress']);
  const remote = address(item['RemoteAddress']);
  const localPort = port(item['LocalPort']);
  const remotePort = port(item['RemotePort']);
  const state =
    local &&
    remote &&
    localPort !== undefined &&
    remotePort !== undefined &&
    readState(report, item['State'], line);
  if (!local || !remote || localPort === undefined || remotePort === undefined || !state) {
    report.warn(
      line,
      'not a TCP connection: needs LocalAddress, LocalPort, RemoteAddress, RemotePort and State',
    );
    return undefined;
  }
  const socket: Socket = {
    family: local.family === 'ipv6' || remote.family === 'ipv6' ? 'ipv6' : 'ipv4',
    localAddress: local.address,
    localPort,
    remoteAddress: remote.address,
    remotePort,
    ...state,
  };
  const pid = item['OwningProcess'];
  if (typeof pid === 'number' && Number.isSafeInteger(pid) && pid >= 0) socket.pid = pid;
  return socket;
}

function address(value: unknown) {
  return typeof value === 'string' ? normaliseAddress(value, 'ipv4') : undefined;
}

function port(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

function readState(
  report: Report,
  value: unknown,
  line: number,
): { state: TcpState; rawState: string } | undefined {
  const vocabulary = VOCABULARIES.powershell;
  if (typeof value === 'number' && Number.isInteger(value))
    return { state: report.stateCode(vocabulary, value, line), rawState: String(value) };
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d+$/.test(value))
    return { state: report.stateCode(vocabulary, Number(value), line), rawState: value };
  return { state: report.state(vocabulary, value, line), rawState: value };
}
