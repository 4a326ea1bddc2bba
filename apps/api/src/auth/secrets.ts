import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type SecretKind = 'host token' | 'api key' | 'local admin';

const PREFIX: Record<SecretKind, string> = { 'host token': 'tfh', 'api key': 'tfk', 'local admin': 'tfl' };

/**
 * A new secret: 256 random bits, base64url, behind a prefix that says what it is (so a leaked one is
 * recognised by secret scanners and by people).
 */
export function newSecret(kind: SecretKind): string {
  return `${PREFIX[kind]}_${randomBytes(32).toString('base64url')}`;
}

/**
 * How secrets are stored: sha256, hex. Every stored secret is generated with 256 bits of entropy, so a
 * fast hash is enough (a slow one such as scrypt only matters for secrets people choose).
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two secrets in constant time, whatever their lengths (by comparing their digests). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Compares a presented secret with a stored hash in constant time. */
export function matchesHash(given: string, storedHash: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer credential of an Authorization header, or null. */
export function bearerOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
