/** gloss code FILE --doc NAME --code CODE (--quote TEXT [--occurrence N] | --start S --end E) */
import type { GlossDocument } from '../../../shared/model/schema';
import type { OpRequest } from '../../../shared/ops/requests';
import { normalizeNewlines } from '../../../shared/import/decode-text';
import { findOccurrence, splitsSurrogatePair } from '../../../shared/text/quote';
import type { ProjectService } from '../../service/project-service';
import { coderAmong } from '../../service/coder';
import { CliError, UsageError, quoted } from '../errors';
import { findCode, findDocument, splitCodePath } from '../lookup';
import { changeProject } from '../project-session';
import { integerOption, labelOf, noExtraArguments, optionalString, projectArgument, stringOption, type Command, type OptionValues } from '../command';

type SpanChoice = { quote: string; occurrence: number } | { start: number; end: number };

function spanChoice(values: OptionValues): SpanChoice {
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

function countOccurrences(text: string, quote: string): number {
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) count++;
  return count;
}

/** The [start, end) span to code, checked the way applyCode checks it, before anything changes. */
function resolveSpan(doc: GlossDocument, choice: SpanChoice, label: string): { start: number; end: number } {
  if ('quote' in choice) {
    const start = findOccurrence(doc.text, choice.quote, choice.occurrence);
    if (start < 0) {
      const count = countOccurrences(doc.text, choice.quote);
      throw new CliError(
        count === 0
          ? `${label}: ${quoted(choice.quote)} does not occur in document ${quoted(doc.name)}`
          : `${label}: ${quoted(choice.quote)} occurs ${count === 1 ? 'once' : `${count} times`} in document ${quoted(doc.name)}, so there is no occurrence ${choice.occurrence}`,
      );
    }
    return { start, end: start + choice.quote.length };
  }
  const { start, end } = choice;
  if (end <= start) throw new CliError(`${label}: --end (${end}) must be greater than --start (${start})`);
  if (end > doc.text.length) {
    throw new CliError(`${label}: --end ${end} is past the end of document ${quoted(doc.name)} (${doc.text.length} characters)`);
  }
  if (splitsSurrogatePair(doc.text, start) || splitsSurrogatePair(doc.text, end)) {
    throw new CliError(`${label}: the span ${start}–${end} would split a character in two`);
  }
  return { start, end };
}

function runOp(service: ProjectService, request: OpRequest, label: string) {
  const response = service.run(request);
  if (!response.ok) throw new CliError(`${label}: ${response.error}`);
  return response;
}

export const codeCommand: Command = {
  name: 'code',
  summary: 'apply a code to a passage of a document',
  help: `Usage: gloss code FILE --doc NAME --code CODE (--quote TEXT [--occurrence N] | --start S --end E)

Codes a passage of document NAME with CODE and prints the coding's id. CODE is created
when the project has no code of that name; a path such as "Barriers > Data sharing"
names (or creates) a code under another.

Options:
  --doc NAME        the document (its file name without extension, or its id)
  --code CODE       the code's name, or its path from the top with " > " between names
  --quote TEXT      the passage, found in the document's text
  --occurrence N    code the Nth place TEXT occurs (default 1)
  --start S         the passage's first character (0-based, UTF-16 code units)
  --end E           the character after its last (end exclusive)
  --coder NAME      who is coding (default: the coder in Gloss's settings)`,
  options: {
    doc: { type: 'string' },
    code: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'code');
    noExtraArguments(positionals, 1, 'code');
    const docName = stringOption(values, 'doc', 'code');
    const codeName = stringOption(values, 'code', 'code');
    if (splitCodePath(codeName).length === 0) throw new UsageError('code: --code needs a name');
    const choice = spanChoice(values);
    const label = labelOf(file);
    const coderName = optionalString(values, 'coder');
    const codingId = await changeProject(file, (project) => coderAmong(project.coders.values(), coderName), (service) => {
      const doc = findDocument(service.current, docName, label);
      const { start, end } = resolveSpan(doc, choice, label);
      const target = findCode(service.current, codeName);
      if (target.existing && !target.existing.codable && target.missing.length === 0) {
        throw new CliError(`${label}: ${quoted(target.existing.name)} is a folder of codes and cannot be applied to text`);
      }
      if (!target.existing && target.missing.length === 1) {
        // One new top-level code: applyCode creates it in the same step.
        const newCodeName = target.missing[0]!;
        return runOp(service, { type: 'applyCode', documentId: doc.id, start, end, newCodeName }, label).created.codingId;
      }
      let codeId = target.existing?.id;
      for (const name of target.missing) {
        codeId = runOp(service, { type: 'createCode', name, parentId: codeId ?? null }, label).created.codeId;
      }
      if (!codeId) throw new CliError(`${label}: the code ${quoted(codeName)} could not be created`);
      return runOp(service, { type: 'applyCode', documentId: doc.id, start, end, codeId }, label).created.codingId;
    }, { io });
    if (!codingId) throw new CliError(`${label}: the passage was not coded`);
    io.out(codingId);
    return 0;
  },
};
