import type { NextFunction, Request, Response } from 'express';
import { bearerOf } from '../auth/secrets';
import { sendError } from '../errors/error.filter';
import type { MetricsService } from '../metrics/metrics.service';
import type { LimitedRoute, RateLimiter } from './rate-limiter';

/**
 * Limits POSTs to a route before their body is read, so a refused request costs no parsing and no
 * database work. The client address is Express's request.ip (see TCPFLEET_TRUST_PROXY).
 */
export function rateLimit(limiter: RateLimiter, route: LimitedRoute, metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'POST') return next();
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const refused = limiter.check(route, address, bearerOf(request.headers.authorization));
    if (!refused) return next();
    metrics.rateLimited((refused.details.limit as { name: string }).name);
    sendError(response, refused);
  };
}
