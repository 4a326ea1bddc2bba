import { parseIllumosNetstat } from '@tcpfleet/model';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { SocketTable } from './socket_table';

/**
 * illumos and Solaris: `netstat -an -P tcp` prints the IPv4 and IPv6 TCP sections (netstat(8)).
 * It names no owners; per-process lookups (pfiles) cost a stop of every process, so none is made.
 */
export function illumosSockets(options: CollectorOptions): SocketCollector {
  return {
    async collect(): Promise<SocketCollection> {
      const parsed = parseIllumosNetstat(await options.run('netstat', ['-an', '-P', 'tcp']));
      return {
        source: parsed.format,
        sockets: SocketTable.of(parsed.sockets),
        attribution: 'none',
        warnings: parsed.warnings.map((w) => `netstat line ${w.line}: ${w.message}`),
      };
    },
  };
}
