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
  private readonly v6 = new Map<string, string>();

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
      out.address = this.ipv6(s.text, start);
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

  private ipv6(text: string, start: number): string {
    const key = text.slice(start, start + 32);
    let address = this.v6.get(key);
    if (address === undefined) {
      const groups: number[] = [];
      for (let i = 0; i < 4; i++) {
        const b = wordBytes(parseWord(text, start + i * 8), this.order);
        groups.push((b[0] << 8) | b[1], (b[2] << 8) | b[3]);
      }
      address = formatIPv6(groups);
      this.v6.set(key, address);
    }
    return address;
  }
}

// The scanner has already checked that these characters are hex digits.
function parseWord(text: string, start: number): number {
  return parseInt(text.slice(start, start + 8), 16);
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
