import type { ApolloServerPlugin } from '@apollo/server';
import { secondsSince } from './instruments';
import type { MetricsService } from './metrics.service';

// Codes are ours (errors/graphql-error.mapper.ts) or Apollo's; anything else is folded into one.
const CODE = /^[A-Z][A-Z_]{0,39}$/;

/** Counts GraphQL requests and errors, and times them, by operation type. */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = 'unknown';
      return {
        async didResolveOperation(context) {
          operation = context.operation?.operation ?? 'unknown';
        },
        async didEncounterErrors(context) {
          for (const error of context.errors) {
            const code = error.extensions?.code;
            metrics.error('graphql', typeof code === 'string' && CODE.test(code) ? code : 'OTHER');
          }
        },
        async willSendResponse() {
          metrics.graphqlRequest(operation, secondsSince(started));
        },
      };
    },
  };
}
