/** gloss edit FILE --doc NAME --text-file PATH [--coder NAME] */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../../shared/import/decode-text';
import { CliError, quoted, succeeded } from '../errors';
import { findDocument } from '../lookup';
import { CODER_HELP, changeProject, chosenCoder } from '../project-session';
import { labelOf, noExtraArguments, projectArgument, stringOption, type Command } from '../command';
import { codingsNeedingReview, printCodingReport } from './coding-report';
import { fileErrorReason } from '../../service/fs-reasons';

/** The new text, decoded the way `gloss import` decodes a text file. */
async function readText(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    throw new CliError(`${path.basename(file)}: ${fileErrorReason(e, 'reading')}; no document was changed`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(`${path.basename(file)}: ${decoded.error}; no document was changed`);
  return decoded.value.text;
}

export const editCommand: Command = {
  name: 'edit',
  summary: "replace a document's text, keeping its codings on their words",
  help: `Usage: gloss edit FILE --doc NAME --text-file PATH

Replaces the text of document NAME with the contents of PATH (UTF-8, UTF-16 with BOM or
Windows-1252; line endings become LF), as one step Gloss can undo. Every coding of the
document is re-anchored to the new text and counted as:
  kept      its words are unchanged (their position may have shifted)
  moved     its words were found elsewhere, near where they were or with the same context
  edited    the edit changed at most half of it; it now covers the changed words
  unplaced  its words are gone or were rewritten; it is kept at a best guess and marked
            as needing review, and a "needs review" line names it
Changes in different paragraphs are taken one by one; two changes in the same paragraph
count as one rewritten stretch, and codings inside it must be found again or reviewed.

Options:
  --doc NAME         the document (its name, or its id)
  --text-file PATH   the file holding the document's new text
  --coder NAME       ${CODER_HELP}`,
  options: { doc: { type: 'string' }, 'text-file': { type: 'string' }, coder: { type: 'string' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'edit');
    noExtraArguments(positionals, 1, 'edit');
    const docName = stringOption(values, 'doc', 'edit');
    const textFile = stringOption(values, 'text-file', 'edit');
    const label = labelOf(file);
    const text = await readText(textFile);
    await changeProject(file, chosenCoder(values), (service) => {
      const doc = findDocument(service.current, docName, label);
      const flagged = codingsNeedingReview(service.current);
      const before = doc.text.length;
      const response = succeeded(service.run({ type: 'editDocumentText', documentId: doc.id, text }), label);
      if (response.change.patches.length === 0) {
        io.out(`${label}: document ${quoted(doc.name)} already has that text; nothing was changed`);
        return;
      }
      io.out(`${label}: edited the text of ${quoted(doc.name)} (${before} → ${service.current.documents.get(doc.id)!.text.length} characters)`);
      printCodingReport(io, service.current, response, flagged);
    }, { io });
    return 0;
  },
};
