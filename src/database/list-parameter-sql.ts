import { addressCodes } from '../template/tables.template';

export type ListParameter = readonly (string | number)[] | string;

/**
 * `column` is one of the values of a list parameter, in SQL whose text is the
 * same however long the list (so a prepared statement serves every call):
 * PostgreSQL takes the list as an array, SQLite as JSON text.
 */
export function inListSql(postgres: boolean, column: string, placeholder: string): string {
  return postgres ? `${column} = ANY(${placeholder})` : `${column} IN (SELECT value FROM json_each(${placeholder}))`;
}

/** A list as `inListSql` binds it. */
export function listParameter(postgres: boolean, values: readonly (string | number)[]): ListParameter {
  return postgres ? values : JSON.stringify(values);
}

/**
 * The cells `alias` whose table, row and column codes are among those of some
 * addresses: a superset of the addresses (the caller picks the exact ones),
 * found on the (report, table, row, column) index. Bind `addressCodeLists` to
 * the three placeholders.
 */
export function cellCodesSql(postgres: boolean, alias: string, placeholders: readonly [tables: string, rows: string, columns: string]): string {
  const [tables, rows, columns] = placeholders;
  return [inListSql(postgres, `${alias}.table_code`, tables), inListSql(postgres, `${alias}.row_code`, rows), inListSql(postgres, `${alias}.column_code`, columns)].join(' AND ');
}

/** The three lists of `cellCodesSql`, in its order. */
export function addressCodeLists(postgres: boolean, addresses: readonly string[]): [tables: ListParameter, rows: ListParameter, columns: ListParameter] {
  const { tables, rows, columns } = addressCodes(addresses);
  return [listParameter(postgres, tables), listParameter(postgres, rows), listParameter(postgres, columns)];
}
