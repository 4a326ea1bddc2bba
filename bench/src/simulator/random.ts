/**
 * A seeded pseudo-random source, so that a seed gives the same fleet and the same snapshots on every
 * machine. Each (host, round, purpose) gets its own stream derived from the seed, which keeps a host's
 * snapshot independent of how many other hosts exist or in which order they are built.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for one purpose, derived from a seed and any number of keys. */
  static of(seed: number, ...keys: (string | number)[]): Random {
    return new Random(hash32(`${seed}\u0000${keys.join('\u0000')}`));
  }

  /** Uniform in [0, 1): mulberry32 (Tommy Ettinger's public-domain 32-bit generator). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [low, high], both ends included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** A count around `mean`, spread by `spread` (a fraction of the mean) either way, never negative. */
  around(mean: number, spread = 0.25): number {
    const delta = mean * spread;
    return Math.max(0, Math.round(mean - delta + this.next() * 2 * delta));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the keys, each with the probability of its weight over the total. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Bytes for identifiers (UUID random bits, machine ids). */
  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

/** FNV-1a over the UTF-16 code units, then a murmur3 finaliser to spread nearby keys apart. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
