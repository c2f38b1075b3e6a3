/**
 * Reading a codebook file of either kind Gloss accepts, by its extension: a REFI-QDA
 * `.qdc` or Gloss's codebook `.csv`. The result is checked against the operation's schema,
 * so that what the preview shows is exactly what the import will accept.
 */
import { binaryStart, decodeText } from '../../import/decode-text';
import { MAX_CODEBOOK_BYTES, SNIFF_BYTES } from '../../import/limits';
import { sizeInWords } from '../../import/sizes';
import { err, ok, type Result } from '../../result';
import { readCodebookCsv } from './csv-read';
import { readQdc } from './qdc-read';
import { incomingCodebookSchema, MAX_NAME_LENGTH } from './schema';
import type { IncomingCodebook } from './types';

export const CODEBOOK_EXTENSIONS = ['.qdc', '.csv'] as const;

/**
 * Why the codebook file `fileName` of `size` bytes, starting with `head` (left out to judge
 * by the size alone), cannot be imported, seen before the rest is read; null when nothing is
 * wrong so far.
 */
export function codebookRefusalBeforeReading(fileName: string, size: number, head?: Uint8Array): string | null {
  const extension = /\.[^.]*$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (!(CODEBOOK_EXTENSIONS as readonly string[]).includes(extension)) {
    return `${fileName}: Gloss imports codebooks from REFI-QDA .qdc files and codebook .csv files, not ${extension ? `${extension} files` : 'files without an extension'}; nothing was imported.`;
  }
  if (size === 0) return `${fileName}: the file is empty; nothing was imported.`;
  if (size > MAX_CODEBOOK_BYTES) {
    return `${fileName}: it is ${sizeInWords(size)}, far more than a codebook holds (Gloss reads codebooks up to ${sizeInWords(MAX_CODEBOOK_BYTES)}); is it the right file? Nothing was imported.`;
  }
  const binary = head ? binaryStart(head.subarray(0, SNIFF_BYTES)) : null;
  return binary ? `${fileName}: ${binary}; nothing was imported.` : null;
}

/** The codebook in the file `fileName` (its base name) with content `bytes`, or why it cannot be imported. */
export function readCodebook(bytes: Uint8Array, fileName: string): Result<IncomingCodebook> {
  const early = codebookRefusalBeforeReading(fileName, bytes.length, bytes.subarray(0, SNIFF_BYTES));
  if (early) return err(early);
  const extension = /\.[^.]*$/.exec(fileName)![0].toLowerCase();
  const decoded = decodeText(bytes);
  if (!decoded.ok) return err(`${fileName}: ${decoded.error}; nothing was imported.`);
  const read = extension === '.qdc' ? readQdc(decoded.value.text, fileName) : readCodebookCsv(decoded.value.text, fileName);
  if (!read.ok) return read;
  if (decoded.value.encoding === 'windows-1252') read.value.warnings.unshift('The file is not UTF-8; it was read as Windows-1252.');
  else if (decoded.value.encoding !== 'utf-8') read.value.warnings.unshift(`The file is ${decoded.value.encoding.toUpperCase()}, not UTF-8; read anyway.`);
  const checked = incomingCodebookSchema.safeParse(read.value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    // zod words a name that is too long as "Too big: expected string to have <=500 characters".
    const message = issue?.code === 'too_big' && issue.path.at(-1) === 'name' ? `the name is longer than ${MAX_NAME_LENGTH} characters` : issue?.message;
    return err(`${fileName}: ${issue ? describeIssue(read.value, issue.path, message!) : 'it could not be read'}; nothing was imported.`);
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
