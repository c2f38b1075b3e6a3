/** gloss import-codebook FILE IN.qdc|IN.csv [--dry-run] [--coder NAME] */
import path from 'node:path';
import { previewCodebookImport } from '../../../shared/formats/codebook/match';
import { codebookRefusalBeforeReading } from '../../../shared/formats/codebook/read';
import { previewLines } from '../../../shared/formats/codebook/preview-lines';
import type { CodebookPreview, IncomingCodebook } from '../../../shared/formats/codebook/types';
import { emptyProjectFile, stateFromFile } from '../../../shared/model/state';
import { importReadCodebook, readCodebookFile } from '../../service/codebook-import';
import { fileErrorReason } from '../../service/fs-reasons';
import { fileExists } from '../../service/free-path';
import { readFileChecked } from '../../service/read-import-files';
import { CliError, UsageError } from '../errors';
import { CODER_HELP, changeProject, chosenCoder, readProject } from '../project-session';
import { labelOf, noExtraArguments, projectArgument, type Command } from '../command';

async function readInput(input: string): Promise<IncomingCodebook> {
  let checked: Awaited<ReturnType<typeof readFileChecked>>;
  try {
    // Refused from its size and first bytes before the rest of it is read.
    checked = await readFileChecked(input, (size, head) => codebookRefusalBeforeReading(path.basename(input), size, head));
  } catch (e) {
    throw new CliError(`${labelOf(input)}: ${fileErrorReason(e, 'reading')}; nothing was imported.`);
  }
  if (!checked.ok) throw new CliError(checked.error);
  // A codebook that cannot be read is refused with a HandlerError, which runCli words.
  return readCodebookFile({ name: path.basename(input), bytes: checked.bytes });
}

/** The project's name for a FILE that does not exist yet: the file name without .gloss. */
const nameFor = (file: string) => path.basename(file).replace(/\.gloss$/i, '');

export const importCodebookCommand: Command = {
  name: 'import-codebook',
  summary: 'add a codebook (.qdc or .csv) to a project',
  help: `Usage: gloss import-codebook FILE IN.qdc|IN.csv [--dry-run]

Adds the codes of a REFI-QDA codebook (.qdc, from NVivo, ATLAS.ti, MAXQDA, QualCoder,
Taguette or Gloss) or of a codebook CSV (the columns of Gloss's codebook export) to the
project FILE, as one step that can be undone in the app. FILE is created, as a new project
named after it, when it does not exist.

Codes already in the project are matched by GUID first, then by their path of names
("Parent > Child", case-sensitive): a code matched by GUID takes the file's name, and a
matched code takes the file's colour and description where the file gives them. A match
never moves a code to another parent; a warning says so instead. New codes are added under
their parents. Code sets are matched by GUID, then by name, and gain their new members.

Prints what was added, matched, renamed and updated, and every warning, then
"Imported into FILE". Importing the same file again changes nothing.

Options:
  --dry-run      only print what would change; nothing is written (FILE is not created)
  --coder NAME   ${CODER_HELP}`,
  options: { 'dry-run': { type: 'boolean' }, coder: { type: 'string' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'import-codebook');
    const input = positionals[1];
    if (!input) throw new UsageError('import-codebook: name the codebook to import, a .qdc or .csv file (see gloss import-codebook --help)');
    noExtraArguments(positionals, 2, 'import-codebook');
    const codebook = await readInput(input);
    const present = await fileExists(file);

    if (values['dry-run'] === true) {
      const preview: CodebookPreview = present
        ? await readProject(file, (service) => previewCodebookImport(service.current, codebook))
        : previewCodebookImport(stateFromFile(emptyProjectFile(nameFor(file), new Date().toISOString())), codebook);
      for (const line of previewLines(preview)) io.out(line);
      io.out(`Nothing was written (--dry-run)${present ? '' : `; ${labelOf(file)} does not exist yet and would be created`}.`);
      return 0;
    }

    // Whether FILE is created is decided under its lock; if the import fails, a project
    // created for it is not left behind empty.
    const outcome = await changeProject(
      file,
      chosenCoder(values),
      (service) => {
        const { result, preview } = importReadCodebook(service, codebook);
        if (!result.ok) throw new CliError(`${labelOf(file)}: ${result.error} Nothing was imported.`);
        return { preview, changed: result.change.patches.length > 0, created: service.created };
      },
      { io, createAs: nameFor(file) },
    );
    for (const line of previewLines(outcome.preview)) io.out(line);
    io.out(
      outcome.changed
        ? `Imported into ${labelOf(file)}${outcome.created ? ' (a new project)' : ''}`
        : `Nothing to import: ${labelOf(file)} already holds this codebook.`,
    );
    return 0;
  },
};
