import type { AddressFamily } from '../../socket';
import { normaliseAddress, parsePort } from '../common/address';

export interface Endpoint {
  address: string;
  port: number;
  family: AddressFamily;
}

/**
 * Reads the `host.port` endpoints of BSD-derived and illumos netstat, where the LAST dot separates the
 * port: `10.0.0.1.22`, `*.22`, `*.*`, `fe80::1%lo0.631`, `::ffff:10.0.0.1.443`. `*` is the wildcard
 * address or port 0. Sources: Apple network_cmds netstat.tproj/inet.c inetprint(), inet6.c
 * inet6print(); freebsd-src usr.bin/netstat/inet.c inetprint(); illumos-gate
 * usr/src/cmd/cmd-inet/usr.bin/netstat/netstat.c pr_ap()/pr_ap6(). Returns undefined for anything
 * else, including service names printed without -n (`*.ssh`).
 */
export function parseDottedEndpoint(text: string, family: AddressFamily): Endpoint | undefined {
  const dot = text.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const port = parsePort(text.slice(dot + 1));
  const host = normaliseAddress(text.slice(0, dot), family);
  if (port === undefined || host === undefined) return undefined;
  return { address: host.address, port, family: host.family };
}

/**
 * Whether an IPv6 host may have been cut by netstat: without -W both Apple's and FreeBSD's
 * inet6print() print at most 16 characters of the host (`%.16s`), so a 16-character IPv6 host can be
 * the head of a longer address that still parses (`2603:1030:b00::e`).
 */
export function mayBeCutIPv6Host(endpoint: string): boolean {
  const host = endpoint.slice(0, Math.max(0, endpoint.lastIndexOf('.')));
  return host.length === 16 && host.includes(':');
}

/**
 * Reads `host:port` endpoints where the LAST colon separates the port: FreeBSD sockstat (`*:22`,
 * `::1:22`, `[::1]:22`, `fe80::1%em0:22`, `*:*`) and Windows netstat (`0.0.0.0:0`, `[::]:135`,
 * `[fe80::1%12]:139`). The family follows the host; `*` takes the family given.
 */
export function parseColonEndpoint(text: string | undefined, family: AddressFamily): Endpoint | undefined {
  if (text === undefined) return undefined;
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const port = parsePort(text.slice(colon + 1));
  const host = normaliseAddress(text.slice(0, colon), family);
  if (port === undefined || host === undefined) return undefined;
  return { address: host.address, port, family: host.family };
}
