import type { OsName } from '../wire/snapshot';
import type { PortRange } from './count';

/**
 * Each OS's default ephemeral port range, used when the agent cannot read the configured one.
 * - linux: 32768-60999, net/ipv4/af_inet.c inet_init_net() (`ip_local_ports.range`), tunable in
 *   /proc/sys/net/ipv4/ip_local_port_range.
 * - darwin: 49152-65535, sysctl net.inet.ip.portrange.first/last (xnu bsd/netinet/in.h
 *   IPPORT_HIFIRSTAUTO/IPPORT_HILASTAUTO are the same values).
 * - freebsd: 10000-65535, sys/netinet/in.h IPPORT_EPHEMERALFIRST/IPPORT_EPHEMERALLAST.
 * - windows: 49152-65535 since Vista, `netsh int ipv4 show dynamicport tcp`
 *   (https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/default-dynamic-port-range-tcpip-chang).
 * - illumos: 32768-65535, tunables tcp_smallest_anon_port/tcp_largest_anon_port
 *   (usr/src/uts/common/inet/tcp/tcp_tunables.c).
 */
export const DEFAULT_EPHEMERAL_RANGES: Readonly<Record<OsName, PortRange>> = {
  linux: { low: 32768, high: 60999 },
  darwin: { low: 49152, high: 65535 },
  freebsd: { low: 10000, high: 65535 },
  windows: { low: 49152, high: 65535 },
  illumos: { low: 32768, high: 65535 },
};

export function inRange(port: number, range: PortRange): boolean {
  return port >= range.low && port <= range.high;
}
