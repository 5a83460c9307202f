import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A column of the flat output: a leaf field, or (json) a list off the row path written as JSON text. */
export interface Column {
  name: string;
  /** Response keys from the top of `data`. */
  path: string[];
  /** How many lists of the row path lie above it. */
  level: number;
  json: boolean;
}

export interface RowPlan {
  /** Response-key paths of the nested lists whose items make the rows, outermost first. */
  rowLists: string[][];
  columns: Column[];
}

interface Leaf {
  path: string[];
  lists: string[][];
}

/**
 * Flattening rule: one row per item of the deepest list the document selects
 * (the first such list in document order on a tie), parents' fields repeated
 * on each row. A leaf becomes a column named by its dotted response keys, the
 * connection wrappers `edges.node` left out; a list off the row path becomes
 * one column holding it as JSON.
 */
export function planRows(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): RowPlan {
  const leaves: Leaf[] = [];
  const lists: string[][][] = [];
  const root = operation.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const visit = (selectionSet: SelectionSetNode, type: GraphQLObjectType, path: string[], above: string[][]) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, type, path, above);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) visit(fragments.get(selection.name.value)!.selectionSet, type, path, above);
      else {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value === '__typename') {
          leaves.push({ path: [...path, key], lists: above });
          continue;
        }
        const field = type.getFields()[selection.name.value]!;
        const fieldPath = [...path, key];
        const listsHere = isListType(getNullableType(field.type)) ? [...above, fieldPath] : above;
        if (listsHere !== above) lists.push(listsHere);
        const named = getNamedType(field.type);
        if (isLeafType(named) || !selection.selectionSet) leaves.push({ path: fieldPath, lists: listsHere });
        else if (isObjectType(named)) visit(selection.selectionSet, named, fieldPath, listsHere);
      }
    }
  };
  visit(operation.selectionSet, root, [], []);
  const rowLists = lists.reduce<string[][]>((deepest, candidate) => (candidate.length > deepest.length ? candidate : deepest), []);
  const columns: Column[] = [];
  for (const leaf of leaves) {
    let shared = 0;
    while (shared < leaf.lists.length && shared < rowLists.length && same(leaf.lists[shared]!, rowLists[shared]!)) shared += 1;
    const json = shared < leaf.lists.length;
    const path = json ? leaf.lists[shared]! : leaf.path;
    if (!columns.some((c) => same(c.path, path))) columns.push({ name: columnName(path), path, level: shared, json });
  }
  return { rowLists, columns };
}

function same(a: string[], b: string[]): boolean {
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
