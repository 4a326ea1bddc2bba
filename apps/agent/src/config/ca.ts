import { readFileSync } from 'node:fs';
import { reason } from '../errors';
import { text, ValueError } from './values';

/** The CA certificates trusted for the API connection in place of Node's bundled ones. */
export interface TrustedCa {
  path: string;
  /** Each PEM certificate of the file, every one parsed at start. */
  certificates: string[];
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * A PEM file of one CA certificate or a bundle. Read and parsed here, once, so a missing,
 * unreadable or broken file stops the agent at start rather than failing every request later.
 */
export function caFile(raw: unknown): TrustedCa {
  const path = text(raw);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValueError(`cannot read ${path}: ${reason(error)}`);
  }
  const certificates = pem.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new ValueError(`${path} holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block)`);
  }
  // node:crypto only when a CA file is set: `once` and `parse` never load it otherwise.
  const { X509Certificate } = process.getBuiltinModule('node:crypto');
  certificates.forEach((certificate, index) => {
    try {
      new X509Certificate(certificate);
    } catch (error) {
      throw new ValueError(
        `certificate ${index + 1} of ${certificates.length} in ${path} does not parse: ${reason(error)}`,
      );
    }
  });
  return { path, certificates };
}
