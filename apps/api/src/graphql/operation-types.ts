import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type the schema has no root for (this API has queries only), as a
 * validation error: Apollo answers it 400 GRAPHQL_VALIDATION_FAILED like an unknown field. Without it,
 * graphql-js 16 lets `mutation { ... }` through validation and fails it while executing, which Apollo
 * answers 200 INTERNAL_SERVER_ERROR. (graphql-js 17 adds the same check as KnownOperationTypesRule.)
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      const type = operation.operation;
      if (context.getSchema().getRootType(type)) return;
      context.reportError(
        new GraphQLError(
          `this API has no ${type} operations: it answers queries only (send "query { ... }" or "{ ... }")`,
          { nodes: [operation] },
        ),
      );
    },
  };
}
