import type { Random } from './random';

/**
 * UUID version 7 (RFC 9562, section 5.7): 48 bits of Unix time in milliseconds, the version nibble
 * 0b0111, 12 bits rand_a, the variant bits 0b10, 62 bits rand_b. The random bits come from the
 * simulator's seeded source, so the same seed and clock give the same ids.
 */
export function uuidv7(timeMs: number, random: Random): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(Math.floor(timeMs), 0, 6);
  random.bytes(10).copy(bytes, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
