import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getOperationAST, getVariableValues, GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { argumentRefusal } from '../schema/argument-refusal';
import type { GatewayContext } from './context';
import type { QueryLimits } from './gateway-settings';
import { LIMIT_CODES, limitError, timeoutError } from './limit-errors';
import { MAX_PRICED_FIELDS, queryCost } from './query-cost';

/**
 * Refuses an operation over the depth, alias, directive or cost limit, or with
 * an argument over its own limit, before it runs. Runs per request, after
 * Apollo's validation and its document cache, because the cost and the
 * arguments depend on the variables (`first: $n`). A batch's operations are
 * priced together. An operation stopped by its deadline answers with the one
 * timeout error, not one per field.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GatewayContext> {
  const armorRule = (rule: (options: object) => ValidationRule, n: number, code: keyof typeof LIMIT_CODES): ValidationRule =>
    rule({ n, exposeLimits: true, propagateOnRejection: false, onReject: [(context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => context?.reportError(limitError(LIMIT_CODES[code], error.message.replace(/^Syntax Error: /, '')))] });
  const rules = [
    armorRule(maxDepthRule as (options: object) => ValidationRule, limits.maxDepth, 'depth'),
    armorRule(maxAliasesRule as (options: object) => ValidationRule, limits.maxAliases, 'aliases'),
    armorRule(maxDirectivesRule as (options: object) => ValidationRule, limits.maxDirectives, 'directives'),
  ];
  const passed = passedOperations();
  return {
    async requestDidStart({ contextValue }) {
      const batch = contextValue.batchCost;
      let accounted = false;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const variables = request.variables ?? {};
          const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
          let cost = passed.cost(document, key);
          if (cost === undefined) {
            const [refusal] = validate(schema, document, rules);
            if (refusal) throw refusal;
            cost = pricedCost(schema, document, operationName ?? undefined, variables);
            if (cost > limits.maxCost) {
              throw limitError(LIMIT_CODES.cost, `query cost ${cost} is over the limit of ${limits.maxCost}: ask for smaller pages (first), fewer groups or measures, or fewer nested lists`);
            }
            const argument = argumentRefusal(schema, document, operationName ?? undefined, variables);
            if (argument) throw beforeExecution(argument);
            passed.remember(document, key, cost);
          }
          accounted = true;
          const total = batch ? await batch.priced(cost) : cost;
          if (total > limits.maxCost) {
            throw limitError(LIMIT_CODES.cost, `the ${batch?.operations} operations of the batch cost ${total} together, over the limit of ${limits.maxCost}: send fewer or cheaper ones`);
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (!accounted) batch?.ended();
          accounted = true;
          if (!contextValue.deadline.expired || response.body.kind !== 'single') return;
          const { message, extensions } = timeoutError(contextValue.deadline.timeoutMs);
          response.body.singleResult = { errors: [{ message, extensions: { code: extensions.code } }] };
          response.http.status = 503;
        },
      };
    },
  };
}

const REMEMBERED_VARIABLES = 100;

/**
 * Operations that passed every check of these limits, with their cost, by
 * document (Apollo hands the same parsed document to every request of the
 * same text) and variables: a dashboard's repeated requests are checked once.
 */
function passedOperations() {
  const passed = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    cost: (document: DocumentNode, key: string) => passed.get(document)?.get(key),
    remember(document: DocumentNode, key: string, cost: number): void {
      const costs = passed.get(document) ?? new Map<string, number>();
      if (costs.size >= REMEMBERED_VARIABLES) costs.delete(costs.keys().next().value!);
      costs.set(key, cost);
      passed.set(document, costs);
    },
  };
}

/**
 * An operation that cannot be priced is refused, unless its variables do not
 * fit it: execution refuses those itself, before any resolver runs.
 */
function pricedCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  try {
    return queryCost(schema, document, operationName, variables);
  } catch (error) {
    if (!variablesFit(schema, document, operationName, variables)) return 0;
    const reason = /maximum allowed number of nodes/.test((error as Error).message)
      ? `counting each fragment wherever it is spread, it selects over ${MAX_PRICED_FIELDS} fields: spread fragments fewer times`
      : (error as Error).message;
    throw limitError(LIMIT_CODES.cost, `the cost of the operation cannot be estimated, so it is not run: ${reason}`);
  }
}

function variablesFit(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): boolean {
  const operation = getOperationAST(document, operationName);
  return !operation || !getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 }).errors;
}

/** Refused before it runs, so with no data: 400, as Apollo answers variables of the wrong type. */
function beforeExecution(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
}
