import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import { bodyErrors } from './body/body-errors';
import { jsonOnly, knownEncoding } from './body/media-type';
import type { Config } from './config/config';
import { DomainError } from './errors/domain-error';
import { ErrorFilter, sendError } from './errors/error.filter';
import { rateLimit } from './limits/rate-limit.middleware';
import { RateLimiter } from './limits/rate-limiter';
import { MetricsService } from './metrics/metrics.service';
import { requestMetrics } from './metrics/request-metrics';
import { snapshotBody } from './snapshots/snapshot-body';
import { createValidationPipe } from './validation/validation.pipe';

// GraphQL requests are small; a large one is a mistake or an attack: refused before it is read when
// its length is declared, and as soon as it passes the limit when it is chunked or compressed.
const MAX_GRAPHQL_BYTES = 64 * 1024;
const graphqlTooLarge = () =>
  new DomainError('payload_too_large', `GraphQL requests are limited to ${MAX_GRAPHQL_BYTES} bytes`);

/** Everything about HTTP that is not a route: parsers, limits, validation, errors, the OpenAPI document. */
export function configureHttp(app: NestExpressApplication, config: Config): void {
  const metrics = app.get(MetricsService);
  app.set('trust proxy', config.trustProxy);
  app.use(requestMetrics(metrics));
  // Each replica limits on its own, in memory (see README, Rate limits).
  const limiter = new RateLimiter(config.limits);
  app.use('/v1/enroll', rateLimit(limiter, 'enroll', metrics));
  app.use('/v1/snapshots', rateLimit(limiter, 'ingest', metrics));
  app.use('/graphql', (request: Request, response: Response, next: NextFunction) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > MAX_GRAPHQL_BYTES) return sendError(response, graphqlTooLarge());
    next();
  });
  // Before a byte is read: REST bodies are JSON (415 otherwise), in an encoding the API speaks.
  app.use(knownEncoding);
  app.use('/v1', jsonOnly);
  // Gzip, deflate and brotli bodies are inflated by the parser; the limit applies to the inflated
  // size, so a small compressed bomb is still refused with 413. Snapshots, the one large and frequent
  // body, are read whole and inflated in one call first (snapshot-body.ts); what it leaves goes on.
  app.use('/v1/snapshots', snapshotBody(config.maxBodyBytes));
  // The GraphQL limit on the bytes as read and inflated, whatever the headers said.
  app.use('/graphql', json({ limit: MAX_GRAPHQL_BYTES, inflate: true }));
  app.use('/graphql', (error: unknown, _request: Request, _response: Response, next: NextFunction) =>
    next((error as { type?: unknown }).type === 'entity.too.large' ? graphqlTooLarge() : error),
  );
  app.useBodyParser('json', { limit: config.maxBodyBytes, inflate: true });
  app.use(bodyErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  let document: OpenAPIObject | null = null;
  const adapter = app.getHttpAdapter();
  adapter.get('/openapi.json', (_request, response) => {
    // Built on first use: it costs startup time that tests and agents never need.
    document ??= SwaggerModule.createDocument(app, openApiConfig());
    adapter.reply(response, document, 200);
  });
}

function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('tcpfleet API')
    .setDescription(
      'Enrolment and snapshot ingestion for agents, administration, health. Queries: GraphQL at /graphql.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Fleet enrolment secret' }, 'enrollSecret')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Host token from /v1/enroll' }, 'hostToken')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (admin role)' }, 'apiKey')
    .build();
}
