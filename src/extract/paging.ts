import { ExtractError, type PreparedDocument } from './prepare-document';
import { same } from './row-plan';

/** The connection an extract follows page after page, by response keys from the top of `data`. */
export interface Paging {
  connection: string[];
  /** The connection's one list of items (`edges`). */
  items: string[];
  pageInfo: string[];
}

/**
 * How to follow a document page after page: it takes `$after`, passes it to
 * one connection (connections are fields of Query), selects that connection's
 * `pageInfo { hasNextPage endCursor }` and one list of items, and selects no
 * other list of objects (its rows would repeat on every page).
 */
export function pagingOf({ plan, variables }: PreparedDocument): Paging {
  const [connection, ...more] = plan.afterFields;
  if (!variables.has('after') || !connection) throw new ExtractError('--all-pages needs the operation to take $after: String and pass it to the connection');
  if (more.length > 0) throw new ExtractError(`--all-pages: $after goes to ${plan.afterFields.length} fields (${plan.afterFields.map((path) => path.join('.')).join(', ')}); pass it to one connection`);
  const below = (path: string[]) => path.length === connection.length + 1 && same(path.slice(0, -1), connection);
  const pageInfo = plan.pageInfos.find((p) => below(p.path));
  if (!pageInfo || !pageInfo.keys.includes('hasNextPage') || !pageInfo.keys.includes('endCursor')) throw new ExtractError('--all-pages needs the connection to select pageInfo { hasNextPage endCursor }');
  const outside = plan.top.lists.find((list) => !same(list.path.slice(0, connection.length), connection));
  if (outside) throw new ExtractError(`--all-pages: the list ${outside.path.join('.')} lies outside the connection ${connection.join('.')}; its rows would repeat on every page`);
  const items = plan.top.lists.filter((list) => below(list.path));
  if (items.length !== 1) throw new ExtractError(`--all-pages needs the connection ${connection.join('.')} to select one list of items (edges), not ${items.length}`);
  return { connection, items: items[0]!.path, pageInfo: pageInfo.path };
}

/** Whether the document can be followed page after page (see pagingOf). */
export function isPageable(prepared: PreparedDocument): boolean {
  try {
    pagingOf(prepared);
    return true;
  } catch {
    return false;
  }
}
