import type { RowList, RowPlan } from './row-plan';

export type Row = Record<string, unknown>;

/**
 * The rows of one result, by the plan: each item of an innermost list of
 * objects is a row; an empty or null list still gives its parent's row. Every
 * row has every column, in header order (null where the row has no value).
 */
export function* flattenRows(data: unknown, plan: RowPlan): Generator<Row> {
  for (const row of rowsOf(data, plan.top, {})) yield Object.fromEntries(plan.columns.map((c) => [c.name, row[c.name] ?? null]));
}

function* rowsOf(item: unknown, list: RowList, row: Row): Generator<Row> {
  for (const column of list.columns) row[column.name] = valueAt(item, column.path.slice(list.path.length));
  let expanded = false;
  for (const inner of list.lists) {
    const items = valueAt(item, inner.path.slice(list.path.length));
    if (!Array.isArray(items)) continue;
    for (const each of items) {
      expanded = true;
      yield* rowsOf(each, inner, { ...row });
    }
  }
  if (!expanded) yield row;
}

/** The value at response keys below `node`; lists are never walked through (each list of objects is a RowList). */
export function valueAt(node: unknown, keys: string[]): unknown {
  let value = node;
  for (const key of keys) {
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
