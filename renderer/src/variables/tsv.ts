/**
 * A block of cells copied from a spreadsheet (Excel, LibreOffice, Google Sheets): the
 * clipboard's text holds one line per row and a tab between cells. A cell holding a tab,
 * a line break or a double quote comes wrapped in double quotes, its quotes doubled; the
 * block ends with a line break, which is no further row.
 */

/** The rows of cells in `text`; a lone value is one row of one cell, and empty text no rows. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      // A quoted cell: up to the quote that is not doubled, then up to the next tab or line end.
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            cell += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        cell += text[j];
        j++;
      }
      if (!closed || (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r')) {
        // Not a quoted cell after all (a value that merely starts with a quote): read it as it stands.
        cell = '';
        j = i;
        while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') cell += text[j++];
      }
      i = j;
    } else {
      while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    // A line end: \r\n, \n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/** `rows` as a spreadsheet writes them to the clipboard (the inverse of parseTsv). */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join('\t')).join('\n') + (rows.length > 0 ? '\n' : '');
}
