/**
 * Reading a codebook file of either kind Gloss accepts, by its extension: a REFI-QDA
 * `.qdc` or Gloss's codebook `.csv`. The result is checked against the operation's schema,
 * so that what the preview shows is exactly what the import will accept.
 */
import { decodeText } from '../../import/decode-text';
import { err, ok, type Result } from '../../result';
import { readCodebookCsv } from './csv-read';
import { readQdc } from './qdc-read';
import { incomingCodebookSchema } from './schema';
import type { IncomingCodebook } from './types';

export const CODEBOOK_EXTENSIONS = ['.qdc', '.csv'] as const;

/** The codebook in the file `fileName` (its base name) with content `bytes`, or why it cannot be imported. */
export function readCodebook(bytes: Uint8Array, fileName: string): Result<IncomingCodebook> {
  const extension = /\.[^.]*$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (!(CODEBOOK_EXTENSIONS as readonly string[]).includes(extension)) {
    return err(`${fileName}: Gloss imports codebooks from REFI-QDA .qdc files and codebook .csv files, not ${extension ? `${extension} files` : 'files without an extension'}; nothing was imported.`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return err(`${fileName}: ${decoded.error}; nothing was imported.`);
  const read = extension === '.qdc' ? readQdc(decoded.value.text, fileName) : readCodebookCsv(decoded.value.text, fileName);
  if (!read.ok) return read;
  if (decoded.value.encoding === 'windows-1252') read.value.warnings.unshift('The file is not UTF-8; it was read as Windows-1252.');
  else if (decoded.value.encoding !== 'utf-8') read.value.warnings.unshift(`The file is ${decoded.value.encoding.toUpperCase()}, not UTF-8; read anyway.`);
  const checked = incomingCodebookSchema.safeParse(read.value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return err(`${fileName}: ${issue ? describeIssue(read.value, issue.path, issue.message) : 'it could not be read'}; nothing was imported.`);
  }
  return ok(checked.data);
}

/** Where in the codebook a schema issue sits, by names rather than array indexes. */
function describeIssue(codebook: IncomingCodebook, path: readonly PropertyKey[], message: string): string {
  let names: string[] = [];
  let node: unknown = codebook;
  for (const key of path) {
    node = (node as Record<PropertyKey, unknown>)?.[key];
    const name = (node as { name?: unknown })?.name;
    if (typeof name === 'string' && typeof key === 'number') names = [...names, name.slice(0, 60)];
  }
  return names.length ? `“${names.join(' > ')}”: ${message}` : message;
}
