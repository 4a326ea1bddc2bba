import type { AddressFamily } from '../../socket';
import { normaliseAddress, parsePort } from '../common/address';
import { quote } from './fields';
import { servicePort } from './services';

/** What stands before the port: an address, the wildcard `*`, `localhost`, or an unresolved name. */
export type Host =
  | { kind: 'ip'; address: string; family: AddressFamily }
  | { kind: 'any' }
  | { kind: 'loopback' }
  | { kind: 'name'; name: string };

/** One `host:port` column of `ss` or net-tools `netstat`, read but not yet tied to a family. */
export interface Endpoint {
  host: Host;
  port: number;
  /** The interface a socket is bound to, printed by ss as `addr%lo:port`. */
  zone?: string;
  /** Set when the port was a service name the table does not know; the port is then 0. */
  unknownService?: string;
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function readHost(text: string): Host | undefined {
  if (text === '*') return { kind: 'any' };
  // net-tools prints `localhost` for a loopback address it resolved; Debian names ::1 `ip6-localhost`.
  if (text === 'localhost' || text === 'ip6-localhost' || text === 'ip6-loopback')
    return { kind: 'loopback' };
  const ip = normaliseAddress(text, 'ipv4');
  if (ip) return { kind: 'ip', address: ip.address, family: ip.family };
  return NAME.test(text) ? { kind: 'name', name: text } : undefined;
}

function readPort(text: string): { port: number; unknownService?: string } | undefined {
  const port = parsePort(text);
  if (port !== undefined) return { port };
  if (!/^[A-Za-z][A-Za-z0-9_.+-]*$/.test(text)) return undefined;
  const service = servicePort(text);
  return service === undefined ? { port: 0, unknownService: text } : { port: service };
}

/**
 * Splits at the last colon, so every form the tools print reads the same way: `127.0.0.1:22`,
 * `[::1]:22`, bare IPv6 of older ss and of netstat (`:::22`, `::1:631`), `*:*`, and an interface
 * suffix after the address (`127.0.0.53%lo:53`, `[fe80::1]%eth0:22`). Undefined for any other text.
 */
export function readEndpoint(text: string): Endpoint | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  const port = readPort(text.slice(colon + 1));
  if (!port) return undefined;
  let hostText = text.slice(0, colon);
  let zone: string | undefined;
  if (hostText.startsWith('[')) {
    const close = hostText.indexOf(']');
    if (close < 0) return undefined;
    const after = hostText.slice(close + 1);
    if (after !== '' && !after.startsWith('%')) return undefined;
    hostText = hostText.slice(1, close) + after;
  }
  const percent = hostText.indexOf('%');
  if (percent >= 0) {
    zone = hostText.slice(percent + 1);
    hostText = hostText.slice(0, percent);
    if (zone === '') return undefined;
  }
  const host = readHost(hostText);
  if (!host) return undefined;
  return { host, ...port, ...(zone === undefined ? {} : { zone }) };
}

/** The family an endpoint shows by itself, if it shows one. */
export function familyOf(endpoint: Endpoint): AddressFamily | undefined {
  return endpoint.host.kind === 'ip' ? endpoint.host.family : undefined;
}

/** The address text of an endpoint in a socket of `family`; unresolved names become the wildcard. */
export function addressOf(endpoint: Endpoint, family: AddressFamily): string {
  const { host } = endpoint;
  let address: string;
  if (host.kind === 'ip') address = host.address;
  else if (host.kind === 'loopback') address = family === 'ipv6' ? '::1' : '127.0.0.1';
  else address = family === 'ipv6' ? '::' : '0.0.0.0';
  return endpoint.zone === undefined ? address : `${address}%${endpoint.zone}`;
}

/** Warnings for what an endpoint could not resolve: an unknown service, a host name. */
export function endpointProblems(endpoint: Endpoint, warn: (message: string) => void): void {
  if (endpoint.unknownService !== undefined) {
    warn(`unknown service name ${quote(endpoint.unknownService)}; port kept as 0 (print numbers with -n)`);
  }
  if (endpoint.host.kind === 'name') {
    warn(`host name ${quote(endpoint.host.name)} is not resolved; address kept as the wildcard (use -n)`);
  }
}
