import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../errors/bad-user-input';
import { MAX_PAGE_SIZE } from '../schema/argument-limits';
import type { ConnectionShape } from '../schema/connection.type';
import { cursorKeyOf } from './cursor-key.service';
import { readCursor, signCursor, type CursorKeyKind } from './signed-cursor';

export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

/** Keyset order: SQL expressions, what each holds, their direction, and how to read each key from a row. */
export interface KeysetOrder<T> {
  keys: { expression: string; kind: CursorKeyKind; value: (row: T) => string | number }[];
  direction: 'ASC' | 'DESC';
}

/**
 * One page of a connection by keyset: stable under inserts, one SELECT whatever
 * the page (and one COUNT when totalCount is asked). The cursor is the row's order keys, signed (signed-cursor.ts).
 */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, order: KeysetOrder<T>, page: PageRequest): Promise<ConnectionShape<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  const rowsQuery = query.clone();
  const cursorKey = await cursorKeyOf(query.connection);
  if (page.after) applyAfter(rowsQuery, order, readCursor(cursorKey, order, page.after));
  order.keys.forEach((key, index) => (index === 0 ? rowsQuery.orderBy(key.expression, order.direction) : rowsQuery.addOrderBy(key.expression, order.direction)));
  // Every join of a listing is many-to-one, so a plain LIMIT is exact (TypeORM's take() would first page distinct ids over the whole join).
  const rows = await rowsQuery.limit(first + 1).getMany();
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: signCursor(cursorKey, order, order.keys.map((k) => k.value(node))), node }));
  return {
    edges,
    get totalCount() {
      return query.clone().getCount();
    },
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** (k1, k2, …) after the cursor's keys in the order's direction, written out for SQLite and PostgreSQL alike. */
function applyAfter<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, order: KeysetOrder<T>, values: (string | number)[]): void {
  const op = order.direction === 'ASC' ? '>' : '<';
  const params: Record<string, string | number> = {};
  const alternatives = order.keys.map((key, index) => {
    const equalities = order.keys.slice(0, index).map((prev, j) => `${prev.expression} = :after${j}`);
    return `(${[...equalities, `${key.expression} ${op} :after${index}`].join(' AND ')})`;
  });
  values.forEach((value, index) => (params[`after${index}`] = value));
  query.andWhere(`(${alternatives.join(' OR ')})`, params);
}
