import type { TrustedCa } from '../config/ca';
import { errorCode, reason } from '../errors';

/**
 * Certificate checks that failed, as Node reports them: OpenSSL's X509_V_ERR_* names without the
 * prefix (node src/crypto/crypto_common.cc, GetValidationErrorCode), and Node's own code for a
 * certificate that does not name the host (lib/tls.js, checkServerIdentity).
 */
const CERTIFICATE_ERRORS: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A failed request as one line; a refused certificate says so, and against which CAs. */
export function requestFailure(error: unknown, ca: TrustedCa | undefined): string {
  const code = errorCode(error);
  if (code === undefined || !CERTIFICATE_ERRORS.has(code)) return reason(error);
  const against = ca
    ? `the CA file ${ca.path}`
    : "Node's bundled CAs (pin the server's CA with --ca-file or TCPFLEET_CA_FILE)";
  return `TLS certificate verification failed (${code}: ${reason(error)}); checked against ${against}`;
}

/**
 * True for a host that never leaves this machine: 127.0.0.0/8, ::1 (also written as the
 * IPv4-mapped ::ffff:127.x.y.z) and the name localhost. `hostname` is as URL gives it, so IPv6
 * addresses are bracketed and already in their shortest form.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]') return true;
  if (/^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)) return true;
  return /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The warning for a server reached in plain text over a network, or undefined when there is none. */
export function plaintextWarning(server: string): string | undefined {
  const url = new URL(server);
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return undefined;
  return `the API is reached over plain http at ${server}: the host token and every snapshot travel unencrypted and can be read or altered on the way; use an https:// URL`;
}
