import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { valueAt } from './flatten-rows';
import type { Paging } from './paging';

/**
 * Writes `{ "data": … }` as GraphQL returns it, indented by two spaces. Paged,
 * the connection's list holds the items of every page, streamed page by page,
 * and its pageInfo, written after the list, is the last page's.
 */
export async function writeJson(out: Writable, pages: AsyncIterable<unknown>, paging?: Paging): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  const first = (await iterator.next()).value;
  const connection = paging && valueAt(first, paging.connection);
  if (!paging || !connection || typeof connection !== 'object') {
    await write(out, `${JSON.stringify({ data: first }, null, 2)}\n`);
    return;
  }
  const [itemsKey, pageInfoKey] = [paging.items.at(-1)!, paging.pageInfo.at(-1)!];
  const mark = randomUUID();
  const rest = Object.fromEntries(Object.entries(connection).filter(([key]) => key !== itemsKey && key !== pageInfoKey));
  const shell = JSON.stringify({ data: replaceAt(first, paging.connection, { ...rest, [itemsKey]: `${mark}items`, [pageInfoKey]: `${mark}pageInfo` }) }, null, 2);
  const [head, middle, tail] = shell.split(new RegExp(`"${mark}(?:items|pageInfo)"`)) as [string, string, string];
  const indent = /^ */.exec(head.slice(head.lastIndexOf('\n') + 1))![0];
  const indented = (value: unknown, pad: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
  await write(out, `${head}[`);
  let written = 0;
  let pageInfo: unknown;
  for (let page = first; ; ) {
    for (const item of (valueAt(page, paging.items) as unknown[] | null) ?? []) {
      await write(out, `${written++ > 0 ? ',' : ''}\n${indent}  ${indented(item, `${indent}  `)}`);
    }
    pageInfo = valueAt(page, paging.pageInfo);
    const next = await iterator.next();
    if (next.done) break;
    page = next.value;
  }
  await write(out, `${written > 0 ? `\n${indent}` : ''}]${middle}${indented(pageInfo, indent)}${tail}\n`);
}

function replaceAt(node: unknown, keys: string[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const object = node as Record<string, unknown>;
  return { ...object, [keys[0]!]: replaceAt(object[keys[0]!], keys.slice(1), value) };
}

export async function write(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}
