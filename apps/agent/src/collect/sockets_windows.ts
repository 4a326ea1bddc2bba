import { parsePowershellJson, parseWindowsNetstat, type ParseResult } from '@tcpfleet/model';
import { reason } from '../errors';
import { attributionOf } from './attribution';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { SocketTable } from './socket_table';

const POWERSHELL = ['-NoProfile', '-NonInteractive', '-Command'];

// Get-NetTCPConnection (NetTCPIP module, Windows 8 / Server 2012 and later) gives the owning pid.
const CONNECTIONS =
  'Get-NetTCPConnection | Select-Object LocalAddress,LocalPort,RemoteAddress,RemotePort,State,OwningProcess | ConvertTo-Json -Compress';
const PROCESSES = 'Get-Process | Select-Object Id,ProcessName | ConvertTo-Json -Compress';

/**
 * Windows: PowerShell `Get-NetTCPConnection` as JSON, owners named through `Get-Process`. Where
 * PowerShell or the NetTCPIP module is missing, `netstat -ano` (pids, no names) stands in.
 */
export function windowsSockets(options: CollectorOptions): SocketCollector {
  return {
    async collect(): Promise<SocketCollection> {
      const warnings: string[] = [];
      const parsed = await connections(options, warnings);
      warnings.push(...parsed.warnings.map((w) => `line ${w.line}: ${w.message}`));
      if (!options.attribution) {
        for (const socket of parsed.sockets) delete socket.pid;
        return {
          source: parsed.format,
          sockets: SocketTable.of(parsed.sockets),
          attribution: 'none',
          warnings,
        };
      }
      try {
        const names = parseProcessNames(await options.run('powershell.exe', [...POWERSHELL, PROCESSES]));
        for (const socket of parsed.sockets) {
          const name = socket.pid === undefined ? undefined : names.get(socket.pid);
          if (name !== undefined) socket.process = name;
        }
      } catch (error) {
        warnings.push(`Get-Process: ${reason(error)}; sockets have pids but no process names`);
      }
      return {
        source: parsed.format,
        sockets: SocketTable.of(parsed.sockets),
        attribution: attributionOf(parsed.sockets),
        warnings,
      };
    },
  };
}

async function connections(options: CollectorOptions, warnings: string[]): Promise<ParseResult> {
  try {
    return parsePowershellJson(await options.run('powershell.exe', [...POWERSHELL, CONNECTIONS]));
  } catch (error) {
    warnings.push(`Get-NetTCPConnection: ${reason(error)}; read netstat -ano instead`);
    return parseWindowsNetstat(await options.run('netstat.exe', ['-ano']));
  }
}

/** `Get-Process | ConvertTo-Json`: an array of {Id, ProcessName}, or one object for one process. */
export function parseProcessNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  const value: unknown = JSON.parse(text.trim() || '[]');
  for (const item of Array.isArray(value) ? value : [value]) {
    if (item === null || typeof item !== 'object') continue;
    const { Id: id, ProcessName: name } = item as Record<string, unknown>;
    if (typeof id === 'number' && typeof name === 'string') names.set(id, name);
  }
  return names;
}
