/**
 * gloss code FILE --doc NAME --code CODE (--quote TEXT [--occurrence N] | --start S --end E) [--coder NAME]
 * gloss code FILE --from CODINGS.csv|- [--create-codes] [--skip-bad] [--json] [--coder NAME]
 */
import { normalizeNewlines } from '../../../shared/import/decode-text';
import { CliError, UsageError, quoted, succeeded } from '../errors';
import { findCode, findDocument, splitCodePath } from '../lookup';
import { CODER_HELP, changeProject, chosenCoder } from '../project-session';
import { locatePassage, type PassageChoice } from '../passage';
import { codeFrom } from './code-from';
import { integerOption, labelOf, noExtraArguments, optionalString, projectArgument, stringOption, type CliIo, type Command, type OptionValues } from '../command';

/** The one passage the options name: the Nth occurrence of --quote, or --start and --end. */
function passageChoice(values: OptionValues): PassageChoice {
  const quote = optionalString(values, 'quote');
  const occurrence = integerOption(values, 'occurrence', 'code', 1);
  const start = integerOption(values, 'start', 'code', 0);
  const end = integerOption(values, 'end', 'code', 0);
  if (quote !== undefined) {
    if (start !== undefined || end !== undefined) throw new UsageError('code: give either --quote or --start/--end, not both');
    // Quotes typed in a Windows shell may carry CRLF; document texts are stored with LF.
    const text = normalizeNewlines(quote);
    if (text === '') throw new UsageError('code: --quote cannot be empty');
    return { quote: text, occurrence: occurrence ?? 1 };
  }
  if (occurrence !== undefined) throw new UsageError('code: --occurrence goes with --quote');
  if (start === undefined || end === undefined) {
    throw new UsageError('code: say what to code with --quote TEXT, or with --start and --end (see gloss code --help)');
  }
  return { start, end };
}

/** Codes one passage (gloss code FILE --doc … --code …) and prints the coding's id. */
async function codeOne(file: string, values: OptionValues, io: CliIo): Promise<number> {
  const docName = stringOption(values, 'doc', 'code');
  const codeName = stringOption(values, 'code', 'code');
  if (splitCodePath(codeName).length === 0) throw new UsageError('code: --code needs a name');
  const choice = passageChoice(values);
  const label = labelOf(file);
  const codingId = await changeProject(file, chosenCoder(values), (service) => {
    const doc = findDocument(service.current, docName, label);
    const span = locatePassage(doc, choice, { start: '--start', end: '--end' });
    if (!span.ok) throw new CliError(`${label}: ${span.error}`);
    const { start, end } = span.value;
    const target = findCode(service.current, codeName);
    if (target.existing && !target.existing.codable && target.missing.length === 0) {
      throw new CliError(`${label}: ${quoted(target.existing.name)} is a folder of codes and cannot be applied to text`);
    }
    if (!target.existing && target.missing.length === 1) {
      // One new top-level code: applyCode creates it in the same step.
      const newCodeName = target.missing[0]!;
      return succeeded(service.run({ type: 'applyCode', documentId: doc.id, start, end, newCodeName }), label).created.codingId;
    }
    let codeId = target.existing?.id;
    for (const name of target.missing) {
      codeId = succeeded(service.run({ type: 'createCode', name, parentId: codeId ?? null }), label).created.codeId;
    }
    if (!codeId) throw new CliError(`${label}: the code ${quoted(codeName)} could not be created`);
    return succeeded(service.run({ type: 'applyCode', documentId: doc.id, start, end, codeId }), label).created.codingId;
  }, { io });
  if (!codingId) throw new CliError(`${label}: the passage was not coded`);
  io.out(codingId);
  return 0;
}

/** The options that only mean something with --from. */
const BATCH_OPTIONS = ['create-codes', 'skip-bad', 'json'] as const;

export const codeCommand: Command = {
  name: 'code',
  summary: 'apply a code to a passage of a document, or many codings from a CSV',
  help: `Usage: gloss code FILE --doc NAME --code CODE (--quote TEXT [--occurrence N] | --start S --end E)
       gloss code FILE --from CODINGS.csv [--create-codes] [--skip-bad] [--json]

Codes a passage of document NAME with CODE and prints the coding's id. CODE is created
when the project has no code of that name; a path such as "Barriers > Data sharing"
names (or creates) a code under another.

With --from, applies every coding of a CSV file (- reads standard input) in one write,
and prints one line saying how many rows were applied (--json gives each coding's id).
The file needs a header row, then one row per coding, with the columns (in any order)
  document,code,quote[,occurrence]    the passage by its words (the Nth place they occur), or
  document,code,start,end             the passage by its offsets (a quote beside them must
                                      be the text there)
and optionally coder (who coded it; default: the coder below) and memo (a memo on the
coding). Documents are named by name, file name or id; codes by name or path. A code the
project lacks is a bad row unless --create-codes. Every bad row is reported on stderr by
line, and then nothing is coded at all, unless --skip-bad. Running the same file twice
codes nothing twice. The CSV is RFC 4180 (as spreadsheets save it), UTF-8, UTF-16 or
Windows-1252. The exit code is 1 when any row was bad.

Options:
  --doc NAME        the document (its name, the name of the file it came from, or its id)
  --code CODE       the code's name, or its path from the top with " > " between names
  --quote TEXT      the passage, found in the document's text
  --occurrence N    code the Nth place TEXT occurs (default 1)
  --start S         the passage's first character (0-based, UTF-16 code units)
  --end E           the character after its last (end exclusive)
  --from FILE       apply the codings listed in this CSV file (- for standard input)
  --create-codes    with --from: create the codes the rows name that the project lacks
  --skip-bad        with --from: apply the good rows even when some are bad
  --json            with --from: print one JSON object instead: {"written", "applied":
                    [{"line", "id", "new"}], "problems": [{"line", "error"}],
                    "codesCreated", "memosAdded"}
  --coder NAME      ${CODER_HELP}`,
  options: {
    doc: { type: 'string' },
    code: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    from: { type: 'string' },
    'create-codes': { type: 'boolean' },
    'skip-bad': { type: 'boolean' },
    json: { type: 'boolean' },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'code');
    noExtraArguments(positionals, 1, 'code');
    const from = optionalString(values, 'from');
    if (from !== undefined) {
      if (from.trim() === '') throw new UsageError('code: --from needs a file name, or - for standard input');
      return codeFrom(file, from, values, io);
    }
    for (const option of BATCH_OPTIONS) {
      if (values[option] !== undefined) throw new UsageError(`code: --${option} goes with --from`);
    }
    return codeOne(file, values, io);
  },
};
