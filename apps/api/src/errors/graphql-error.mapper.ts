import type { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { DomainError, ErrorCode } from './domain-error';
import { httpStatusOf } from './http-status';

export function graphqlCodeOf(code: ErrorCode): string {
  switch (code) {
    case 'invalid_input':
      return 'BAD_USER_INPUT';
    case 'unknown_state':
      return 'UNKNOWN_STATE';
    case 'unauthenticated':
      return 'UNAUTHENTICATED';
    case 'forbidden':
    case 'enrollment_disabled':
      return 'FORBIDDEN';
    case 'not_found':
      return 'NOT_FOUND';
    case 'conflict':
      return 'CONFLICT';
    case 'payload_too_large':
      return 'PAYLOAD_TOO_LARGE';
    case 'unsupported_media_type':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'query_too_complex':
      return 'QUERY_TOO_COMPLEX';
    case 'rate_limited':
      return 'RATE_LIMITED';
    case 'database_unavailable':
      return 'DATABASE_UNAVAILABLE';
  }
}

/** The GraphQL edge: a domain error becomes a GraphQL error with its code; a bug stays opaque. */
export function toGraphqlError(error: DomainError | null, original: unknown, logger: Logger): GraphQLError {
  if (!error) {
    if (original instanceof GraphQLError) return original;
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  const extensions: Record<string, unknown> = { code: graphqlCodeOf(error.code), ...error.details };
  if (error.fields.length > 0) extensions.fields = error.fields;
  // Authentication failures keep their HTTP meaning, so a client without a key sees a 401.
  if (error.code === 'unauthenticated' || error.code === 'database_unavailable') {
    extensions.http = { status: httpStatusOf(error.code) };
  }
  return new GraphQLError(error.message, { extensions });
}
