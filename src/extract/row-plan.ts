import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The Relay connection's page information: read for paging, never a column. */
const PAGE_INFO_TYPE = 'PageInfo';

/** A column of the flat output: a leaf field (a list of scalars is one field: CSV joins it). */
export interface Column {
  name: string;
  /** Response keys from the top of `data`. */
  path: string[];
}

/** A list of objects: its items' own columns and the lists of objects they hold. */
export interface RowList {
  /** Response keys from the top of `data` ([] for the top itself). */
  path: string[];
  columns: Column[];
  lists: RowList[];
}

export interface RowPlan {
  /** Every column in document order: the header. */
  columns: Column[];
  /** The columns outside any list and the outermost lists of objects. */
  top: RowList;
  /** The `pageInfo` objects selected, with their fields' response keys: read for paging, never written in rows. */
  pageInfos: { path: string[]; keys: string[] }[];
  /** Paths of the fields that take `after: $after`. */
  afterFields: string[][];
}

/**
 * Flattening rule: one row per item of each innermost list of objects the
 * document selects, with the fields of its parents repeated; lists beside each
 * other give rows of their own, where the other list's columns are empty. A
 * leaf becomes a column named by its dotted response keys, the connection
 * wrappers `edges.node` left out; a list of scalars is one column; `pageInfo`
 * is no column.
 */
export function planRows(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): RowPlan {
  const plan: RowPlan = { columns: [], top: { path: [], columns: [], lists: [] }, pageInfos: [], afterFields: [] };
  const addColumn = (owner: RowList, path: string[]) => {
    if (plan.columns.some((c) => same(c.path, path))) return;
    const column = { name: columnName(path), path };
    plan.columns.push(column);
    owner.columns.push(column);
  };
  const visit = (selectionSet: SelectionSetNode, type: GraphQLObjectType, path: string[], owner: RowList) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, type, path, owner);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) visit(fragments.get(selection.name.value)!.selectionSet, type, path, owner);
      else {
        const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
        if (selection.name.value === '__typename') {
          addColumn(owner, fieldPath);
          continue;
        }
        const field = type.getFields()[selection.name.value]!;
        if (takesAfter(selection)) plan.afterFields.push(fieldPath);
        const named = getNamedType(field.type);
        if (isLeafType(named) || !selection.selectionSet) addColumn(owner, fieldPath);
        else if (named.name === PAGE_INFO_TYPE) plan.pageInfos.push({ path: fieldPath, keys: responseKeys(selection.selectionSet, fragments) });
        else if (isObjectType(named)) visit(selection.selectionSet, named, fieldPath, isListType(getNullableType(field.type)) ? listOf(owner, fieldPath) : owner);
      }
    }
  };
  visit(operation.selectionSet, schema.getQueryType()!, [], plan.top);
  return plan;
}

/** The list of objects at `path` under `owner`: one entry however many times the document selects it. */
function listOf(owner: RowList, path: string[]): RowList {
  let list = owner.lists.find((l) => same(l.path, path));
  if (!list) owner.lists.push((list = { path, columns: [], lists: [] }));
  return list;
}

function responseKeys(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.alias?.value ?? selection.name.value];
    return responseKeys(selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)!.selectionSet, fragments);
  });
}

function takesAfter(selection: FieldNode): boolean {
  return (selection.arguments ?? []).some((a) => a.name.value === 'after' && a.value.kind === Kind.VARIABLE && a.value.name.value === 'after');
}

export function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

function columnName(path: string[]): string {
  const keys: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    if (path[i] === 'edges' && path[i + 1] === 'node') i += 1;
    else keys.push(path[i]!);
  }
  return keys.join('.');
}
