import { parseMacosNetstat } from '@tcpfleet/model';
import { attributionOf } from './attribution';
import type { CollectorOptions, SocketCollection, SocketCollector } from './collector';
import { SocketTable } from './socket_table';

/**
 * macOS: `netstat -anv -p tcp`. With -v netstat adds each socket's owner: a `pid` column in older
 * releases, `process:pid` in newer ones (netstat's inet.c in Apple's network_cmds); the shared
 * parser reads both layouts.
 */
export function darwinSockets(options: CollectorOptions): SocketCollector {
  return {
    async collect(): Promise<SocketCollection> {
      const args = options.attribution ? ['-anv', '-p', 'tcp'] : ['-an', '-p', 'tcp'];
      const parsed = parseMacosNetstat(await options.run('netstat', args));
      return {
        source: parsed.format,
        sockets: SocketTable.of(parsed.sockets),
        attribution: options.attribution ? attributionOf(parsed.sockets) : 'none',
        warnings: parsed.warnings.map((w) => `netstat line ${w.line}: ${w.message}`),
      };
    },
  };
}
