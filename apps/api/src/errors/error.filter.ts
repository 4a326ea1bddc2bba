import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { asDomainError, DomainError, type ErrorCode } from './domain-error';
import { httpStatusOf } from './http-status';
import { toGraphqlError } from './graphql-error.mapper';
import { ERROR_CODE_LOCAL } from '../metrics/request-metrics';

export const RETRY_AFTER_SECONDS = 5;

/** The error body every REST endpoint answers with; some codes add details (a 429 names its limit). */
export interface ErrorBody {
  error: {
    code: ErrorCode | string;
    message: string;
    fields?: { field: string; reason: string }[];
    [detail: string]: unknown;
  };
}

export function sendError(response: Response, error: DomainError): void {
  response.locals[ERROR_CODE_LOCAL] = error.code;
  if (error.code === 'database_unavailable') response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  if (error.code === 'rate_limited')
    response.setHeader('Retry-After', String(error.details.retryAfterSeconds));
  const body: ErrorBody = { error: { ...error.details, code: error.code, message: error.message } };
  if (error.fields.length > 0) body.error.fields = error.fields;
  response.status(httpStatusOf(error.code)).json(body);
}

/**
 * The one place errors leave the API: REST requests get a JSON error body with the status of the code,
 * GraphQL resolvers get a GraphQL error carrying the code. Anything else is a bug: logged, answered 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const domain = asDomainError(exception);
    if ((host.getType() as string) === 'graphql') return toGraphqlError(domain, exception, this.logger);
    const response = host.switchToHttp().getResponse<Response>();
    if (domain) return sendError(response, domain);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      response.locals[ERROR_CODE_LOCAL] = `http_${status}`;
      return response.status(status).json({ error: { code: `http_${status}`, message: exception.message } });
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    response.locals[ERROR_CODE_LOCAL] = 'internal';
    return response.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  }
}
