/**
 * Reading CSV text as RFC 4180 defines it, the counterpart of shared/export/csv.ts:
 * fields separated by a delimiter, records by CRLF or LF, a field in double quotes may
 * hold delimiters, line breaks and doubled quotes. Written here because it is short; its
 * users are the codebook import and batch coding (gloss code --from). A spreadsheet saved
 * from Excel reads back exactly.
 */
import { err, ok, type Result } from '../result';

/** One record and the line it starts on (1-based; a quoted line break makes a record span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * The records of `text`, each a list of fields, or why it is not CSV (with the line).
 * A quote inside an unquoted field is kept as it is, as spreadsheets do; text after a
 * closing quote and a quote that is never closed are errors, since the record boundaries
 * can no longer be trusted. A trailing line break does not make an empty last record.
 */
export function parseCsv(text: string, delimiter = ','): Result<string[][]> {
  const records = parseCsvRecords(text, delimiter);
  return records.ok ? ok(records.value.map((r) => r.fields)) : records;
}

/** parseCsv, with the line each record starts on, for messages that point at a row. */
export function parseCsvRecords(text: string, delimiter = ','): Result<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let record: string[] = [];
  let recordLine = 1;
  let field = '';
  let fieldStarted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && !fieldStarted) {
      const openedOn = line;
      let j = i + 1;
      let value = '';
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return err(`line ${openedOn}: a quoted field is never closed`);
        value += text.slice(j, close);
        for (let k = j; k < close; k++) if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) line++;
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return err(`line ${line}: text after a closing quote (a quote inside a field must be doubled)`);
      }
      field = value;
      fieldStarted = true;
      continue;
    }
    if (c === delimiter) {
      // The record now holds a field, so a delimiter at the very end still makes an empty last field.
      endField();
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      endField();
      records.push({ fields: record, line: recordLine });
      record = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || record.length > 0) {
    endField();
    records.push({ fields: record, line: recordLine });
  }
  return ok(records);
}
