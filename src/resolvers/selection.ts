import { getArgumentValues, getNamedType, isInterfaceType, isObjectType, Kind, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Whether the field being resolved asks for any of these subfields, directly or through fragments. */
export function selectsAny(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  const asks = (set: SelectionSetNode | undefined): boolean =>
    set !== undefined &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return names.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet);
      return asks(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}

/** A field the request selects, with its arguments as execution reads them. */
export interface SelectedField {
  name: string;
  args: Record<string, unknown>;
}

/**
 * Every use of a field selected under `path` (field names, one a level) below
 * the field being resolved, directly or through fragments (a field spread twice comes twice),
 * with its arguments read as execution reads them: variables and defaults applied.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: readonly string[]): SelectedField[] {
  const found: SelectedField[] = [];
  const visit = (type: GraphQLNamedType | undefined, set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    if (!set || !(isObjectType(type) || isInterfaceType(type))) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = type.getFields()[selection.name.value];
        if (!field) continue; // __typename
        if (rest.length === 0) found.push({ name: field.name, args: getArgumentValues(field, selection, info.variableValues) });
        else if (field.name === rest[0]) visit(getNamedType(field.type), selection.selectionSet, rest.slice(1));
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      if (fragment) visit(fragment.typeCondition ? info.schema.getType(fragment.typeCondition.name.value) : type, fragment.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes) visit(getNamedType(info.returnType), node.selectionSet, path);
  return found;
}
