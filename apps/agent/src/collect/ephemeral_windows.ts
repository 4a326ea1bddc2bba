import type { PortRange } from '@tcpfleet/model';
import type { CollectorOptions } from './collector';

/**
 * Windows: `netsh int ipv4 show dynamicport tcp` prints the start port and the number of ports
 * (https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/default-dynamic-port-range-tcpip-chang).
 * The labels are translated on localised systems, the order is not: start first, then the count.
 */
export async function windowsEphemeralRange(options: CollectorOptions): Promise<PortRange> {
  return parseDynamicPorts(await options.run('netsh', ['int', 'ipv4', 'show', 'dynamicport', 'tcp']));
}

export function parseDynamicPorts(text: string): PortRange {
  const numbers = [...text.matchAll(/:\s*(\d+)\s*$/gm)].map((match) => Number(match[1]));
  const [start, count] = numbers;
  if (start === undefined || count === undefined || count < 1 || start < 1 || start + count - 1 > 65535) {
    throw new Error(`no start port and number of ports in: ${JSON.stringify(text.trim())}`);
  }
  return { low: start, high: start + count - 1 };
}
