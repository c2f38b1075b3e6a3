/**
 * The importer registry: one module per file format, chosen by extension. Adding a format
 * is one new module and one line in IMPORTERS.
 */
import { err, type Result } from '../result';
import { extensionOf } from './file-names';
import { plainTextImporter } from './plain-text';

export { extensionOf, documentNameFor } from './file-names';

export interface ImportedText {
  text: string;
  /** A short type name recorded with the document, e.g. "text/plain". */
  type: string;
  /** Notes for the user, e.g. the encoding that was detected. */
  notes: string[];
}

export interface Importer {
  /** Lower-case extensions with the dot, e.g. ".txt". */
  extensions: readonly string[];
  label: string;
  read(bytes: Uint8Array, fileName: string): Promise<Result<ImportedText>>;
}

export const IMPORTERS: readonly Importer[] = [plainTextImporter];

export const SUPPORTED_EXTENSIONS: readonly string[] = IMPORTERS.flatMap((i) => i.extensions);

export function importerFor(fileName: string): Importer | undefined {
  const ext = extensionOf(fileName);
  return IMPORTERS.find((i) => i.extensions.includes(ext));
}

/** Reads one file into text, or says (without the file name) why it cannot. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<Result<ImportedText>> {
  const importer = importerFor(fileName);
  if (!importer) {
    const ext = extensionOf(fileName) || 'a file without an extension';
    return err(`${ext} is not a format Gloss can import yet (it reads ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  return importer.read(bytes, fileName);
}
