import type { PortRange } from '@tcpfleet/model';
import type { CollectorOptions } from './collector';
import { readProc } from './proc_linux';

/**
 * The ephemeral port range from /proc/sys/net/ipv4/ip_local_port_range: two numbers, "low high"
 * (Documentation/networking/ip-sysctl.rst). It applies to IPv6 as well.
 */
export async function linuxEphemeralRange(options: CollectorOptions): Promise<PortRange> {
  return parsePortRange(readProc(options.procRoot, 'sys', 'net', 'ipv4', 'ip_local_port_range'));
}

/** Two port numbers separated by white space. */
export function parsePortRange(text: string): PortRange {
  const [low, high] = text.trim().split(/\s+/).map(Number);
  if (!isPort(low) || !isPort(high) || low > high) {
    throw new Error(`not a port range: ${JSON.stringify(text.trim())}`);
  }
  return { low, high };
}

function isPort(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535;
}
