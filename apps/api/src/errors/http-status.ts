import type { ErrorCode } from './domain-error';

/** The REST edge's status for each code; the switch is exhaustive, so a new code will not compile without one. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'unknown_state':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
    case 'enrollment_disabled':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'query_too_complex':
      return 400;
    case 'rate_limited':
      return 429;
    case 'database_unavailable':
      return 503;
  }
}
