import { randomBytes } from './random';

/**
 * UUID version 7 (RFC 9562, section 5.7): 48 bits of Unix time in milliseconds, the version
 * nibble 0b0111, 12 bits `rand_a`, the variant bits 0b10 and 62 random bits `rand_b`.
 *
 * `rand_a` holds a counter (RFC 9562, section 6.2, method 1) seeded at random each new
 * millisecond and incremented within one, so ids from one generator sort in the order they were
 * made, even when the clock stalls or steps back. The snapshot spool relies on that order.
 */
export function uuidv7Generator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms > lastMs) {
      counter = randomBytes(2).readUInt16BE(0) & 0x7ff; // a clear top bit leaves room to count
    } else {
      ms = lastMs;
      counter++;
      if (counter > 0xfff) {
        ms++;
        counter = 0;
      }
    }
    lastMs = ms;
    return format(ms, counter, randomBytes(8));
  };
}

function format(ms: number, counter: number, random: Buffer): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes.writeUInt16BE(0x7000 | counter, 6);
  random.copy(bytes, 8);
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The millisecond timestamp inside a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const uuidv7 = uuidv7Generator();
