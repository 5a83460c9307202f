import {
  getNamedType,
  GraphQLError,
  isEnumType,
  Kind,
  parse,
  Source,
  typeFromAST,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { planRows, type RowPlan } from './row-plan';

/** A document that cannot be run: the message names the source and the place. */
export class ExtractError extends Error {}

export interface PreparedDocument {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  plan: RowPlan;
  /** Declared variable names and whether their type is text (String, ID, enum) or takes JSON. */
  variables: Map<string, { text: boolean }>;
}

/** Parses and validates a read-only document and picks its operation. */
export function prepareDocument(schema: GraphQLSchema, text: string, sourceName: string, operationName?: string): PreparedDocument {
  let document: DocumentNode;
  try {
    document = parse(new Source(text, sourceName));
  } catch (error) {
    throw new ExtractError(describe(error as GraphQLError, sourceName));
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new ExtractError(invalid.map((e) => describe(e, sourceName)).join('\n'));
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const names = operations.map((o) => o.name?.value ?? '(anonymous)');
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    throw new ExtractError(
      operationName ? `${sourceName}: no operation named ${operationName} (operations: ${names.join(', ')})` : `${sourceName}: holds ${names.length} operations (${names.join(', ')}); choose one with --operation`,
    );
  }
  if (operation.operation !== 'query') throw new ExtractError(`${sourceName}: ${names[operations.indexOf(operation)]} is a ${operation.operation}; extracts run queries only`);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const variables = new Map(
    (operation.variableDefinitions ?? []).map((definition) => {
      const type = getNamedType(typeFromAST(schema, definition.type as never));
      return [definition.variable.name.value, { text: type === undefined || ['String', 'ID'].includes(type.name) || isEnumType(type) }];
    }),
  );
  return { document, operation, plan: planRows(schema, operation, fragments), variables };
}

/**
 * Variables given as text (`--var year=2023`, `?year=2023`): String, ID and
 * enum values stay text; others are read as JSON (numbers, booleans, lists).
 * A name the operation does not declare is an error.
 */
export function readVariables(prepared: PreparedDocument, given: Record<string, string>, sourceName: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(given)) {
    const declared = prepared.variables.get(name);
    if (!declared) {
      const known = [...prepared.variables.keys()].map((v) => `$${v}`).join(', ') || 'none';
      throw new ExtractError(`${sourceName}: variable "${name}" is not declared by the operation (declared: ${known})`);
    }
    values[name] = declared.text ? text : parseJson(text);
  }
  return values;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: GraphQLError, sourceName: string): string {
  const at = error.locations?.[0];
  return `${sourceName}${at ? `:${at.line}:${at.column}` : ''}: ${error.message}`;
}
