import { isIPv4, isIPv6 } from 'node:net';
import type { AddressFamily } from '../../socket';

/**
 * Formats an IPv6 address in the RFC 5952 canonical text form: lower case, leading zeros dropped,
 * the longest run of two or more zero groups written `::`, and IPv4-mapped addresses as
 * `::ffff:a.b.c.d`. Takes the eight 16-bit groups.
 */
export function formatIPv6(groups: readonly number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6] ?? 0, groups[7] ?? 0];
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Expands any valid IPv6 text (with `::` or an embedded IPv4 tail) into its eight groups. */
export function ipv6Groups(text: string): number[] | undefined {
  if (!isIPv6(text)) return undefined;
  let head = text;
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split('.').map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    head = text.slice(0, -v4[1].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const [left = '', right] = head.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const leftGroups = parse(left);
  const rightGroups = [...(right === undefined ? [] : parse(right)), ...tail];
  if (right === undefined) return [...leftGroups, ...tail];
  const zeros = new Array<number>(8 - leftGroups.length - rightGroups.length).fill(0);
  return [...leftGroups, ...zeros, ...rightGroups];
}

/**
 * Normalises an address as a tool printed it: `*` becomes the wildcard of the family, IPv6 is put in
 * canonical form, a zone index (`fe80::1%eth0`) is kept. Returns undefined for text that is no address.
 */
export function normaliseAddress(
  text: string,
  family: AddressFamily,
): { address: string; family: AddressFamily } | undefined {
  if (text === '*') return { address: family === 'ipv6' ? '::' : '0.0.0.0', family };
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (isIPv4(unbracketed)) return { address: unbracketed, family: 'ipv4' };
  const [bare, zone] = unbracketed.split('%', 2);
  const groups = bare === undefined ? undefined : ipv6Groups(bare);
  if (!groups) return undefined;
  return { address: formatIPv6(groups) + (zone ? `%${zone}` : ''), family: 'ipv6' };
}

/** Parses a decimal port (0-65535); `*` is the wildcard port 0. Returns undefined otherwise. */
export function parsePort(text: string): number | undefined {
  if (text === '*') return 0;
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}
