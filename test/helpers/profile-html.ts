import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

const { findAll, getAttributeValue, getOuterHTML, textContent } = DomUtils;

/** A number a profile shows: its text, its exact value and where it is in the GraphQL answer. */
export interface ShownNumber {
  text: string;
  value: string;
  path: string | undefined;
}

export function parseHtml(html: string) {
  return parseDocument(html);
}

export function shownNumbers(html: string): ShownNumber[] {
  return findAll((e) => getAttributeValue(e, 'data-value') !== undefined, parseDocument(html).children).map((e) => ({
    text: textContent(e).trim(),
    value: getAttributeValue(e, 'data-value')!,
    path: getAttributeValue(e, 'data-path'),
  }));
}

/** The value at a dotted path (list indices as numbers) of a GraphQL answer's data. */
export function valueAtPath(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at === null || at === undefined ? undefined : (at as Record<string, unknown>)[key]), data);
}

/** The elements passing the test, in a page's HTML or under an element already found. */
export function elements(within: string | Element, test: (e: Element) => boolean): Element[] {
  return findAll(test, typeof within === 'string' ? parseDocument(within).children : within.children);
}

export { getAttributeValue, textContent };

export function outerHtml(element: Element): string {
  return getOuterHTML(element);
}
