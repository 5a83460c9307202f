import type { Options } from 'csv-stringify';

/** Joins a list of scalars into one CSV field. */
export const CSV_LIST_SEPARATOR = '|';

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text field that a spreadsheet would run as a formula gets a single quote in
 * front (`=HYPERLINK(…)` is written `'=HYPERLINK(…)`). Numbers never come here:
 * a negative number stays a number.
 */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The options of every CSV this program writes: a header, booleans as
 * `true`/`false`, a list of scalars joined by `|`, every text field neutralised.
 */
export function csvOptions(columns: string[], bom = false): Options {
  return {
    header: true,
    columns,
    bom,
    cast: {
      boolean: (value) => String(value),
      string: (value, context) => (context.header ? value : neutraliseCsvText(value)),
      object: (value) => neutraliseCsvText(Array.isArray(value) ? value.map((item: unknown) => String(item ?? '')).join(CSV_LIST_SEPARATOR) : JSON.stringify(value)),
    },
  };
}
