import { createHmac, timingSafeEqual } from 'node:crypto';
import { badUserInput } from '../errors/bad-user-input';
import { isRowId } from '../schema/argument-limits';

/** What an order key holds: a row id, a year (a 32-bit integer), or a name. */
export type CursorKeyKind = 'id' | 'year' | 'name';

/** A listing's order, which its cursors are bound to. */
export interface CursorOrder {
  keys: readonly { expression: string; kind: CursorKeyKind }[];
  direction: 'ASC' | 'DESC';
}

const MAC_BYTES = 16;
const KIND_CHECKS: Record<CursorKeyKind, (value: unknown) => boolean> = {
  id: isRowId,
  year: (value) => Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647,
  name: (value) => typeof value === 'string',
};

/** The row's order keys and an HMAC over them and the order: opaque to clients, and only good for the listing and order that gave it. */
export function signCursor(key: Buffer, order: CursorOrder, values: (string | number)[]): string {
  const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
  return `${payload}.${mac(key, order, payload).toString('base64url')}`;
}

/** The keys of a cursor this gateway signed for this order, each of its kind; anything else is BAD_USER_INPUT. */
export function readCursor(key: Buffer, order: CursorOrder, cursor: string): (string | number)[] {
  const [payload, signature, extra] = cursor.split('.');
  const given = Buffer.from(signature ?? '', 'base64url');
  if (payload !== undefined && extra === undefined && given.length === MAC_BYTES && timingSafeEqual(given, mac(key, order, payload))) {
    const values = parsed(payload);
    if (Array.isArray(values) && values.length === order.keys.length && order.keys.every((k, i) => KIND_CHECKS[k.kind](values[i]))) return values as (string | number)[];
  }
  throw badUserInput(`after: "${cursor}" is not a cursor of this listing: pass a cursor it gave, in the same order`, 'after');
}

function mac(key: Buffer, order: CursorOrder, payload: string): Buffer {
  const listing = `${order.keys.map((k) => k.expression).join(',')} ${order.direction}`;
  return createHmac('sha256', key).update(`${listing}\n${payload}`).digest().subarray(0, MAC_BYTES);
}

function parsed(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
