import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { validate, type GraphQLError, type ValidationRule } from 'graphql';
import type { GatewayContext } from './context';
import type { QueryLimits } from './gateway-settings';
import { LIMIT_CODES, limitError, timeoutError } from './limit-errors';
import { queryCost } from './query-cost';

/**
 * Refuses an operation over the depth, alias, directive or cost limit before
 * it runs. Runs per request, after Apollo's validation and its document cache,
 * because the cost depends on the variables (`first: $n`). An operation
 * stopped by its deadline answers with the one timeout error, not one per field.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GatewayContext> {
  const armorRule = (rule: (options: object) => ValidationRule, n: number, code: keyof typeof LIMIT_CODES): ValidationRule =>
    rule({ n, exposeLimits: true, propagateOnRejection: false, onReject: [(context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => context?.reportError(limitError(LIMIT_CODES[code], error.message.replace(/^Syntax Error: /, '')))] });
  const rules = [
    armorRule(maxDepthRule as (options: object) => ValidationRule, limits.maxDepth, 'depth'),
    armorRule(maxAliasesRule as (options: object) => ValidationRule, limits.maxAliases, 'aliases'),
    armorRule(maxDirectivesRule as (options: object) => ValidationRule, limits.maxDirectives, 'directives'),
  ];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const [refusal] = validate(schema, document, rules);
          if (refusal) throw refusal;
          const cost = costOrUnknown(() => queryCost(schema, document, operationName ?? undefined, request.variables ?? {}));
          if (cost > limits.maxCost) {
            throw limitError(LIMIT_CODES.cost, `query cost ${cost} is over the limit of ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists`);
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.deadline.expired || response.body.kind !== 'single') return;
          const { message, extensions } = timeoutError(contextValue.deadline.timeoutMs);
          response.body.singleResult = { errors: [{ message, extensions: { code: extensions.code } }] };
          response.http.status = 503;
        },
      };
    },
  };
}

/** Variables that do not fit the operation are refused by execution with a clear error; their cost is not needed. */
function costOrUnknown(estimate: () => number): number {
  try {
    return estimate();
  } catch {
    return 0;
  }
}
