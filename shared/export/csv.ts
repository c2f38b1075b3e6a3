/** RFC 4180 CSV text, UTF-8 with a BOM so that Excel detects the encoding. */
import { stringify } from 'csv-stringify/sync';

export const UTF8_BOM = '\ufeff';

/** CSV text (CRLF record separators, fields quoted when needed) with a leading BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return (
    UTF8_BOM +
    stringify([header as string[], ...(rows as (string | number)[][])], {
      record_delimiter: 'windows',
      // With a custom record delimiter csv-stringify only quotes fields holding that exact
      // "\r\n"; excerpts hold lone "\n", which must be quoted too (RFC 4180), or every
      // spreadsheet splits the passage into rows.
      quote_record_delimiter: true,
    })
  );
}
