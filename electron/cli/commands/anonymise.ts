/** gloss anonymise FILE --name NAME --placeholder TEXT [--doc NAME] [--case-sensitive] [--dry-run] [--forget-copies] [--coder NAME] */
import type { AnonymisePreview } from '../../../shared/ops/edit-text';
import type { AnonymiseRequest } from '../../../shared/ops/requests';
import { normalizeNewlines } from '../../../shared/import/decode-text';
import type { ProjectService } from '../../service/project-service';
import { CliError, UsageError, quoted, succeeded } from '../errors';
import { findDocument } from '../lookup';
import { CODER_HELP, changeProject, chosenCoder, readProject } from '../project-session';
import { labelOf, noExtraArguments, projectArgument, stringOption, type CliIo, type Command, type OptionValues } from '../command';
import { codingsNeedingReview, printCodingReport } from './coding-report';
import { plural } from '../../../shared/plural';
import { terminalSafe } from '../../../shared/text/safe-names';

function requestFrom(values: OptionValues): Omit<AnonymiseRequest, 'documentId'> {
  const name = stringOption(values, 'name', 'anonymise').trim();
  const placeholder = normalizeNewlines(stringOption(values, 'placeholder', 'anonymise'));
  if (name.length > 500 || placeholder.length > 500) throw new UsageError('anonymise: --name and --placeholder are limited to 500 characters');
  return { type: 'anonymise', name, placeholder, caseSensitive: values['case-sensitive'] === true, wholeWord: true };
}

/** The request with --doc resolved to a document id, checked against the project. */
function resolve(service: ProjectService, base: Omit<AnonymiseRequest, 'documentId'>, docName: string | undefined, label: string): AnonymiseRequest {
  return docName === undefined ? base : { ...base, documentId: findDocument(service.current, docName, label).id };
}

function preview(service: ProjectService, request: AnonymiseRequest, label: string): AnonymisePreview {
  const result = service.previewAnonymise(request);
  if (!result.ok) throw new CliError(`${label}: ${result.error}`);
  return result.value;
}

function printDocuments(io: CliIo, found: AnonymisePreview): void {
  const width = Math.max(...found.documents.map((d) => String(d.occurrences).length));
  for (const d of found.documents) io.out(`  ${String(d.occurrences).padStart(width)}  ${terminalSafe(d.name)}`);
}

/** Deletes the copies made before the anonymise when asked to; otherwise says where they are. */
async function olderCopies(service: ProjectService, io: CliIo, label: string, name: string, forget: boolean): Promise<void> {
  if (forget) {
    const forgot = await service.forgetOlderCopies();
    if (!forgot.ok) throw new CliError(`${label}: ${forgot.error}`);
    const parts = [forgot.backups > 0 ? plural(forgot.backups, 'backup') : '', forgot.previousSave ? `the previous save (${label}.bak)` : ''].filter(Boolean);
    io.out(`${label}: ${parts.length > 0 ? `deleted ${parts.join(' and ')}, which held ${quoted(name)}` : 'there were no older copies to delete'}`);
    return;
  }
  const backups = service.listBackups().length;
  if (backups > 0) io.err(`gloss: ${plural(backups, 'backup')} of ${label} made before this still hold ${quoted(name)}, as may ${label}.bak; --forget-copies deletes them`);
}

export const anonymiseCommand: Command = {
  name: 'anonymise',
  summary: 'replace a name with a placeholder in every document',
  help: `Usage: gloss anonymise FILE --name NAME --placeholder TEXT [--doc NAME] [--case-sensitive] [--dry-run] [--forget-copies]

Replaces every occurrence of NAME that stands as a whole word with TEXT, in all documents
or only in --doc, as one step Gloss can undo. "Sarah's" contains the name Sarah; "Sarahs"
and "Sarah_2" do not. Speaker names kept beside the text are replaced too. Codings are
re-anchored: a coding containing the name now contains TEXT ("edited"); the others keep
their words. Document names, code names and memos are not changed.

Prints the number of occurrences per document and what happened to the codings.

Options:
  --name NAME          the name to replace
  --placeholder TEXT   what replaces it, e.g. "[P1]"
  --doc NAME           only this document (its name, or its id)
  --case-sensitive     only occurrences written with the same capitals (default: any case)
  --dry-run            only count the occurrences and the codings containing them;
                       nothing is changed (works while Gloss has the project open)
  --forget-copies      then save the project and delete its older copies, which still
                       hold the name: the backups in Gloss's data folder and the
                       previous save beside the file (FILE.bak)
  --coder NAME         ${CODER_HELP}`,
  options: {
    name: { type: 'string' },
    placeholder: { type: 'string' },
    doc: { type: 'string' },
    'case-sensitive': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'forget-copies': { type: 'boolean' },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'anonymise');
    noExtraArguments(positionals, 1, 'anonymise');
    const base = requestFrom(values);
    const docName = typeof values.doc === 'string' ? values.doc : undefined;
    const label = labelOf(file);
    const what = `${quoted(base.name)} with ${quoted(base.placeholder)}`;
    const where = (found: AnonymisePreview) => plural(found.documents.length, 'document');

    if (values['dry-run']) {
      await readProject(file, (service) => {
        const found = preview(service, resolve(service, base, docName, label), label);
        io.out(
          `${label}: would replace ${plural(found.occurrences, 'occurrence')} of ${what} in ${where(found)}; ` +
            `${plural(found.codingsTouched, 'coding contains', 'codings contain')} it; nothing was changed`,
        );
        printDocuments(io, found);
      });
      return 0;
    }

    await changeProject(file, chosenCoder(values), async (service) => {
      const request = resolve(service, base, docName, label);
      const found = preview(service, request, label);
      const flagged = codingsNeedingReview(service.current);
      const response = succeeded(service.run(request), label);
      if (found.occurrences === 0) {
        io.out(`${label}: ${quoted(base.name)} does not occur as a whole word${docName === undefined ? '' : ` in ${quoted(docName)}`}; the text was not changed`);
        return;
      }
      io.out(`${label}: replaced ${plural(found.occurrences, 'occurrence')} of ${what} in ${where(found)}`);
      printDocuments(io, found);
      printCodingReport(io, service.current, response, flagged);
      await olderCopies(service, io, label, base.name, values['forget-copies'] === true);
    }, { io });
    return 0;
  },
};
