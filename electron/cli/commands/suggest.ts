/** gloss suggest PROJECT --code CODE [--limit N] [--unit sentence|paragraph] [--json] */
import { terminalSafe } from '../../../shared/text/safe-names';
import { CliError, UsageError, quoted } from '../errors';
import { findCode } from '../lookup';
import { readProject } from '../project-session';
import { integerOption, labelOf, noExtraArguments, optionalString, projectArgument, stringOption, type Command } from '../command';

const UNITS = ['sentence', 'paragraph'] as const;
const flat = (text: string) => terminalSafe(text.replace(/[\n\t]/g, ' '));

export const suggestCommand: Command = {
  name: 'suggest',
  summary: 'list passages like those coded with a code (offline, nothing is coded)',
  help: `Usage: gloss suggest PROJECT --code CODE [--limit N] [--unit sentence|paragraph] [--json]

Ranks the project's sentences (or paragraphs) by how much their words resemble the
passages coded with CODE: BM25 over words without stop words and, for English, reduced to
their stems. Computed on this machine; nothing is sent anywhere and nothing is coded.
Never lists a passage already coded with CODE, nor one dismissed for it in Gloss. Each
line shows the score, the place, the passage and the words it shares with CODE's excerpts.
Then, where CODE was applied by hand in more than one document, how many of those codings
the top N suggestions of each document would have found from the other documents' excerpts.
Opens the project read-only: it works while Gloss has it open.

Options:
  --code CODE      the code's name, or its path with " > " between names
  --limit N        at most N suggestions (default 20)
  --unit UNIT      sentence (default) or paragraph
  --json           print one JSON array, best first, of {"document", "start", "end",
                   "text", "score", "terms"}`,
  options: { code: { type: 'string' }, limit: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'suggest');
    noExtraArguments(positionals, 1, 'suggest');
    const codeName = stringOption(values, 'code', 'suggest');
    const limit = integerOption(values, 'limit', 'suggest', 1) ?? 20;
    const unit = optionalString(values, 'unit') ?? 'sentence';
    if (!(UNITS as readonly string[]).includes(unit)) throw new UsageError(`suggest: --unit is sentence or paragraph, not ${JSON.stringify(unit)}`);
    const label = labelOf(file);
    // The stemmer and the stop-word lists load only for this command (see DEVELOPERS.md, start time).
    const { buildSuggestionIndex, suggestFor, suggestionRecall } = await import('../../../shared/analysis/suggest');
    await readProject(file, (service) => {
      const state = service.current;
      const target = findCode(state, codeName);
      if (!target.existing || target.missing.length > 0) throw new CliError(`${label}: there is no code ${quoted(codeName)}`);
      const code = target.existing;
      if ((state.codingsByCode.get(code.id)?.size ?? 0) === 0) {
        throw new CliError(`${label}: ${quoted(code.name)} has no codings yet; code a few passages with it first, then ask for more like them`);
      }
      const index = buildSuggestionIndex(state, unit as (typeof UNITS)[number]);
      const found = suggestFor(state, index, code.id, limit);
      const nameOf = (id: string) => state.documents.get(id)!.name;
      const textOf = (s: { documentId: string; start: number; end: number }) => state.documents.get(s.documentId)!.text.slice(s.start, s.end);
      if (values.json) {
        io.out(JSON.stringify(found.map((s) => ({ document: nameOf(s.documentId), start: s.start, end: s.end, text: textOf(s), score: Math.round(s.score * 1e4) / 1e4, terms: s.terms }))));
        return;
      }
      for (const s of found) io.out(`${s.score.toFixed(2)}  ${terminalSafe(nameOf(s.documentId))} ${s.start}–${s.end}  ${flat(textOf(s))}  [${s.terms.join(', ')}]`);
      io.out(`${label}: ${found.length === 1 ? '1 suggestion' : `${found.length} suggestions`} for ${quoted(code.name)}`);
      const recall = suggestionRecall(state, index, code.id, limit);
      if (recall.recall !== null && recall.documents > 1) {
        io.out(
          `Judged on what was coded by hand: the top ${limit} ${unit}s of each of ${recall.documents} documents, ranked by the other documents' excerpts, ` +
            `overlap ${recall.found} of its ${recall.handCoded} hand-made codings (${Math.round(recall.recall * 100)}%).`,
        );
      }
    });
    return 0;
  },
};
