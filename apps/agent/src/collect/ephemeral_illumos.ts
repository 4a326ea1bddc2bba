import type { PortRange } from '@tcpfleet/model';
import type { CollectorOptions } from './collector';
import { parsePortRange } from './ephemeral_linux';

/**
 * illumos: the TCP properties smallest_anon_port and largest_anon_port (ipadm(8); tunables in
 * usr/src/uts/common/inet/tcp/tcp_tunables.c). `-c -o current` prints the bare values, one a line.
 */
export async function illumosEphemeralRange(options: CollectorOptions): Promise<PortRange> {
  const text = await options.run('ipadm', [
    'show-prop',
    '-c',
    '-o',
    'current',
    '-p',
    'smallest_anon_port,largest_anon_port',
    'tcp',
  ]);
  return parsePortRange(text);
}
