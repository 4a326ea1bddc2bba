import type { PortRange } from '@tcpfleet/model';
import type { CollectorOptions } from './collector';
import { parsePortRange } from './ephemeral_linux';

/**
 * macOS and FreeBSD share the sysctls net.inet.ip.portrange.first and .last (bsd/netinet/in_pcb.c
 * in XNU, sys/netinet/in_pcb.c in FreeBSD); `sysctl -n` prints one value per line.
 */
export async function bsdEphemeralRange(options: CollectorOptions): Promise<PortRange> {
  const text = await options.run('sysctl', [
    '-n',
    'net.inet.ip.portrange.first',
    'net.inet.ip.portrange.last',
  ]);
  return parsePortRange(text);
}
