import type { NextFunction, Request, Response } from 'express';
import { secondsSince } from './instruments';
import type { MetricsService } from './metrics.service';

/** The code of an error answer, as errors/error.filter.ts leaves it for this middleware. */
export const ERROR_CODE_LOCAL = 'errorCode';

/**
 * Times POST /v1/snapshots from the first byte (so body parsing and 413s count) and counts every REST
 * error answer by code, once the response is sent.
 */
export function requestMetrics(metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    // Read now: a middleware mounted on a path rewrites request.url while it runs.
    const ingest = request.method === 'POST' && request.path.replace(/\/$/, '') === '/v1/snapshots';
    response.on('finish', () => {
      const code = response.locals[ERROR_CODE_LOCAL] as string | undefined;
      if (code !== undefined) metrics.error('rest', code);
      if (ingest) {
        metrics.snapshotRequest(response.statusCode, secondsSince(started), code);
      }
    });
    next();
  };
}
