import type { Column, RowPlan } from './row-plan';

export type Row = Record<string, unknown>;

/** The rows of one result, by the plan: lists on the row path expand; an empty or null one still gives its parent's row. */
export function* flattenRows(data: unknown, plan: RowPlan): Generator<Row> {
  yield* expand(data, [], 0, {}, plan);
}

function* expand(node: unknown, at: string[], level: number, row: Row, plan: RowPlan): Generator<Row> {
  for (const column of plan.columns) if (column.level === level) row[column.name] = cellOf(node, column, at);
  const list = plan.rowLists[level];
  const items = list ? valueAt(node, list.slice(at.length)) : undefined;
  if (!list || !Array.isArray(items) || items.length === 0) {
    yield fillDeeper(row, plan, level);
    return;
  }
  for (const item of items) yield* expand(item, list, level + 1, { ...row }, plan);
}

function cellOf(node: unknown, column: Column, at: string[]): unknown {
  const value = valueAt(node, column.path.slice(at.length));
  return column.json && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null);
}

/** Columns below an empty list are present and null, so every row has every column. */
function fillDeeper(row: Row, plan: RowPlan, level: number): Row {
  for (const column of plan.columns) if (column.level > level) row[column.name] = null;
  return row;
}

function valueAt(node: unknown, keys: string[]): unknown {
  let value = node;
  for (const key of keys) {
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
