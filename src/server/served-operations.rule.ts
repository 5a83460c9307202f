import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation of a type the schema has no root for (a subscription):
 * graphql 16 lets it through validation and fails it in execution, which
 * would answer INTERNAL_SERVER_ERROR for what is the caller's document.
 */
export const servedOperationsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[node.operation];
    if (!root) context.reportError(new GraphQLError(`this gateway serves no ${node.operation} operations: send a query or a mutation`, { nodes: node }));
  },
});
