import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import type { Request } from 'express';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import type { MetricsService } from '../metrics/metrics.service';
import { knownOperationTypesRule } from './operation-types';
import { queryLimitsRule } from './query-limits';

/** Limits every operation must stay within; see query-limits.ts for how cost is counted. */
export const QUERY_LIMITS = { maxDepth: 8, maxCost: 25_000, maxAliases: 50 };

export function graphqlOptions(metrics: MetricsService): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // Apollo's landing pages load from a CDN; the app serves its own IDE (see ide/).
    playground: false,
    introspection: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // A request without a valid key answers 401 (and one without a database 503), as REST does.
    preserveHttpStatusForExecutionErrors: false,
    validationRules: [knownOperationTypesRule, queryLimitsRule(QUERY_LIMITS)],
    plugins: [graphqlMetricsPlugin(metrics)],
    context: ({ req }: { req: Request }) => ({ req }),
  };
}
