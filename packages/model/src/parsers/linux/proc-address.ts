import type { AddressFamily } from '../../socket';
import { formatIPv6 } from '../common/address';
import type { Scanner } from './scanner';

/**
 * Byte order of the host that printed the file. The kernel prints each 32-bit address word with
 * `%08X` straight from memory (`__be32` for IPv4, `s6_addr32[i]` for IPv6), so the digits come out
 * in the host's byte order: on little-endian hosts (x86, arm64, riscv64) 127.0.0.1 reads `0100007F`;
 * on big-endian ones (s390x, big-endian POWER and MIPS) it reads `7F000001`. Ports are converted
 * with ntohs() first and read the same everywhere.
 */
export type ByteOrder = 'little' | 'big';

/** One decoded `ADDRESS:PORT` column, written into a reused object to spare an allocation per row. */
export interface ProcEndpoint {
  address: string;
  family: AddressFamily;
  port: number;
}

/** Decodes addresses, remembering each one: a host's table repeats the same few addresses. */
export class ProcAddresses {
  private readonly v4 = new Map<number, string>();
  // Keyed word by word: four numbers, no key string built per row.
  private readonly v6 = new Map<number, Map<number, Map<number, Map<number, string>>>>();

  constructor(private readonly order: ByteOrder) {}

  /** Reads `ADDRESS:PORT` at the scanner into `out`; returns a reason when the column is malformed. */
  read(s: Scanner, out: ProcEndpoint): string | undefined {
    const start = s.pos;
    // Exact for 8 digits; a 32-digit IPv6 value is re-read word by word below.
    const value = s.hex(33);
    const width = s.digits;
    if (width !== 8 && width !== 32) return 'address is not 8 (IPv4) or 32 (IPv6) hex digits';
    if (!s.eat(58)) return 'address has no ":port"';
    const port = s.hex(5);
    if (s.digits === 0 || s.digits > 4 || !s.atBoundary()) return 'port is not 1 to 4 hex digits';
    out.port = port;
    if (width === 8) {
      out.family = 'ipv4';
      out.address = this.ipv4(value);
    } else {
      out.family = 'ipv6';
      out.address = this.ipv6(s.bytes, start);
    }
    return undefined;
  }

  private ipv4(word: number): string {
    let address = this.v4.get(word);
    if (address === undefined) {
      // Most significant byte first as printed; on a little-endian host that is the last octet.
      const [a, b, c, d] = [word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff];
      address = this.order === 'big' ? `${a}.${b}.${c}.${d}` : `${d}.${c}.${b}.${a}`;
      this.v4.set(word, address);
    }
    return address;
  }

  private ipv6(bytes: Uint8Array, start: number): string {
    const words = [0, 1, 2, 3].map((i) => parseWord(bytes, start + i * 8));
    let level1 = this.v6.get(words[0]);
    if (!level1) this.v6.set(words[0], (level1 = new Map()));
    let level2 = level1.get(words[1]);
    if (!level2) level1.set(words[1], (level2 = new Map()));
    let level3 = level2.get(words[2]);
    if (!level3) level2.set(words[2], (level3 = new Map()));
    let address = level3.get(words[3]);
    if (address === undefined) {
      const groups: number[] = [];
      for (const word of words) {
        const b = wordBytes(word, this.order);
        groups.push((b[0] << 8) | b[1], (b[2] << 8) | b[3]);
      }
      address = formatIPv6(groups);
      level3.set(words[3], address);
    }
    return address;
  }
}

// The scanner has already checked that these bytes are hex digits.
function parseWord(bytes: Uint8Array, start: number): number {
  let word = 0;
  for (let i = start; i < start + 8; i++) {
    const c = bytes[i] | 0x20;
    word = word * 16 + (c <= 57 ? c - 48 : c - 87);
  }
  return word;
}

/** The four bytes of a printed word in memory order, i.e. network order for addresses. */
function wordBytes(word: number, order: ByteOrder): [number, number, number, number] {
  const bytes: [number, number, number, number] = [
    word >>> 24,
    (word >>> 16) & 0xff,
    (word >>> 8) & 0xff,
    word & 0xff,
  ];
  return order === 'big' ? bytes : [bytes[3], bytes[2], bytes[1], bytes[0]];
}
