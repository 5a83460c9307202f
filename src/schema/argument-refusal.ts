import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { badUserInput } from '../errors/bad-user-input';
import { ARGUMENT_LIMITS, DEFAULT_ARGUMENT_LIMIT, readRowId, ROW_ID_RULE } from './argument-limits';

interface FieldUse {
  /** Type.field, the key of its arguments in ARGUMENT_LIMITS. */
  coordinate: string;
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The first argument of the operation over its limit in ARGUMENT_LIMITS, or a
 * string holding a NUL character, as BAD_USER_INPUT naming the argument's path
 * and the limit. Reads the values execution will see (variables and defaults
 * applied), so it can run before anything does. Undefined when all fit, or when
 * the variables do not coerce: execution refuses those itself, before any resolver.
 */
export function argumentRefusal(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): GraphQLError | undefined {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  for (const { coordinate, field, node } of fieldUses(schema, root, operation.selectionSet, fragments, new Set())) {
    const values = argumentValues(field, node, coerced.coerced);
    for (const argument of field.args) {
      const refusal = valueRefusal(values[argument.name], argument.type, { field: field.name, path: argument.name, limitKey: `${coordinate}(${argument.name})` });
      if (refusal) return refusal;
    }
  }
  return undefined;
}

/** Every field the operation selects, through fragments (each fragment once: its arguments are the same wherever it is spread). */
function* fieldUses(schema: GraphQLSchema, type: GraphQLNamedType | undefined, selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, spread: Set<string>): Generator<FieldUse> {
  if (!selectionSet || !type) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      yield { coordinate: `${type.name}.${field.name}`, field, node: selection };
      yield* fieldUses(schema, getNamedType(field.type), selection.selectionSet, fragments, spread);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* fieldUses(schema, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type, selection.selectionSet, fragments, spread);
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) yield* fieldUses(schema, schema.getType(fragment.typeCondition.name.value), fragment.selectionSet, fragments, spread);
    }
  }
}

/** Validation has checked the literals; a value it let through but execution would refuse is left to execution. */
function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

interface Place {
  /** The field the argument is given to, for the message. */
  field: string;
  /** The argument and, inside it, the input field or item: filter.years, measures[3]. */
  path: string;
  limitKey: string;
}

function valueRefusal(value: unknown, type: GraphQLInputType, place: Place): GraphQLError | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  const limit = { ...DEFAULT_ARGUMENT_LIMIT, ...ARGUMENT_LIMITS[place.limitKey] };
  const refuse = (problem: string) => badUserInput(`${place.field}(${place.path}): ${problem}`, place.path);
  if (isListType(nullable)) {
    const items = value as unknown[];
    if (items.length > limit.maxItems) return refuse(`at most ${limit.maxItems} items, got ${items.length}`);
    for (const [index, item] of items.entries()) {
      const refusal = valueRefusal(item, nullable.ofType, { ...place, path: `${place.path}[${index}]` });
      if (refusal) return refusal;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const inputField of Object.values(nullable.getFields())) {
      const inner = { field: place.field, path: `${place.path}.${inputField.name}`, limitKey: `${nullable.name}.${inputField.name}` };
      const refusal = valueRefusal((value as Record<string, unknown>)[inputField.name], inputField.type, inner);
      if (refusal) return refusal;
    }
    return undefined;
  }
  if (!isScalarType(nullable)) return undefined;
  if (typeof value === 'number' && limit.range && (value < limit.range[0] || value > limit.range[1])) return refuse(`from ${limit.range[0]} to ${limit.range[1]}, got ${value}`);
  if (typeof value !== 'string') return undefined;
  if (value.length > limit.maxLength) return refuse(`at most ${limit.maxLength} characters, got ${value.length}`);
  if (value.includes('\u0000')) return refuse('a NUL character (\\u0000) is not allowed');
  if (limit.rowId && readRowId(value) === undefined) return refuse(`${ROW_ID_RULE}, got ${JSON.stringify(value)}`);
  return undefined;
}
