/**
 * gloss autocode PROJECT QUERY --code CODE [--regex] [--case-sensitive] [--whole-word]
 *   [--scope match|sentence|paragraph|speaker] [--doc NAME]... [--coder NAME] [--dry-run] [--json]
 * gloss autocode PROJECT --speaker NAME --code CODE [--doc NAME]...
 */
import type { AutocodeScope, Coder, SearchQuery } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import { literalQuery } from '../../../shared/analysis/search-query';
import { previewAutocode, type AutocodePreview, type AutocodeRequest } from '../../../shared/ops/autocode';
import { coderAmong } from '../../service/coder';
import { CliError, UsageError, quoted } from '../errors';
import { findCode, splitCodePath } from '../lookup';
import { changeProject, readProject } from '../project-session';
import { labelOf, optionalString, projectArgument, stringOption, type CliIo, type Command, type OptionValues } from '../command';
import { QUERY_HELP, QUERY_OPTIONS, queryFrom, scopeFrom } from '../search-options';

const SCOPES: readonly AutocodeScope[] = ['match', 'sentence', 'paragraph', 'speaker'];
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What the command line asks for, before the project is read. */
interface Ask {
  query: SearchQuery;
  scope: AutocodeScope;
  speaker?: string;
  codeName: string;
}

function askFrom(positionals: string[], values: OptionValues): Ask {
  const speaker = optionalString(values, 'speaker')?.trim();
  if (speaker === '') throw new UsageError('autocode: --speaker needs a name');
  if (positionals.length > 2) throw new UsageError(`autocode: unexpected argument ${JSON.stringify(positionals[2])}; put a QUERY with spaces in quotes (see gloss autocode --help)`);
  const query = positionals[1] === undefined && speaker !== undefined ? literalQuery('') : queryFrom(positionals[1], values, 'autocode');
  const rawScope = optionalString(values, 'scope') ?? (speaker !== undefined && positionals[1] === undefined ? 'speaker' : 'match');
  if (!SCOPES.includes(rawScope as AutocodeScope)) throw new UsageError(`autocode: --scope is one of ${SCOPES.join(', ')}, not ${JSON.stringify(rawScope)}`);
  const codeName = stringOption(values, 'code', 'autocode');
  if (splitCodePath(codeName).length === 0) throw new UsageError('autocode: --code needs a name');
  return { query, scope: rawScope as AutocodeScope, ...(speaker !== undefined ? { speaker } : {}), codeName };
}

/** The operation for the project as it is: --doc resolved, the code found or to be created. */
function requestFor(state: Readonly<ProjectState>, ask: Ask, values: OptionValues, label: string): AutocodeRequest {
  const where = scopeFrom(state, values, label, 'autocode');
  const target = findCode(state, ask.codeName);
  const code = target.missing.length === 0 && target.existing ? { codeId: target.existing.id } : { newCode: { names: target.missing, parentId: target.existing?.id ?? null } };
  return {
    type: 'autocode',
    query: ask.query,
    scope: ask.scope,
    ...(Object.keys(where).length > 0 ? { where } : {}),
    ...(ask.speaker !== undefined ? { speaker: ask.speaker } : {}),
    ...code,
  };
}

function preview(state: ProjectState, request: AutocodeRequest, coder: Coder, label: string): AutocodePreview {
  const result = previewAutocode(state, request, coder.id);
  if (!result.ok) throw new CliError(`${label}: ${result.error}`);
  return result.value;
}

function report(io: CliIo, label: string, found: AutocodePreview, ask: Ask, dryRun: boolean, json: boolean): void {
  if (json) {
    const { codeName, ...counts } = found;
    io.out(JSON.stringify({ ...counts, code: codeName, scope: ask.scope, dryRun }));
    return;
  }
  const details = [
    found.alreadyCoded > 0 ? `${count(found.alreadyCoded, 'hit')} already coded` : '',
    found.merged > 0 ? `${count(found.merged, 'hit')} merged into another's coding` : '',
    found.skipped > 0 ? `${count(found.skipped, 'hit')} with no ${ask.scope} around ${found.skipped === 1 ? 'it' : 'them'}` : '',
  ].filter(Boolean);
  const what = `${count(found.created, 'coding')} of ${quoted(found.codeName)} in ${count(found.documents, 'document')}`;
  const from = `from ${count(found.hits, ask.speaker !== undefined && ask.query.text === '' ? 'turn' : 'hit')}${details.length ? ` (${details.join(', ')})` : ''}`;
  io.out(dryRun ? `${label}: would create ${what} ${from}; nothing was changed` : `${label}: created ${what} ${from}`);
}

export const autocodeCommand: Command = {
  name: 'autocode',
  summary: 'code every hit of a search (or a speaker\'s turns) with a code',
  help: `Usage: gloss autocode PROJECT QUERY --code CODE [--regex] [--case-sensitive] [--whole-word]
                      [--scope match|sentence|paragraph|speaker] [--doc NAME]...
                      [--coder NAME] [--dry-run] [--json]
       gloss autocode PROJECT --speaker NAME --code CODE [QUERY] [--doc NAME]...

Finds QUERY as gloss search does and codes each hit with CODE, widened to --scope: the
match itself (default), its sentence, its paragraph (a run of non-blank lines, or the
document's own paragraphs), or the speaker's turn (the words after a label such as
"Officer A:" up to the next label). Hits whose passages overlap or touch become one coding;
a passage this coder has already coded with CODE is not coded again, so running the same
auto-code twice creates nothing the second time. Everything is one step Gloss can undo,
and each coding records that it came from this auto-code (the query and the scope).
CODE is created when the project has none of that name ("Parent > Child" for a path).

With --speaker, codes every turn of that speaker (any case); with a QUERY as well, only
the turns holding a hit (or, with --scope, the hit's sentence or paragraph in them).

Options:
  --code CODE       the code's name, or its path with " > " between names
  --scope SCOPE     match, sentence, paragraph or speaker (default: match; speaker with
                    --speaker and no QUERY)
  --speaker NAME    only this speaker's turns
${QUERY_HELP}
  --coder NAME      who is coding (default: the coder in Gloss's settings)
  --dry-run         only count; the project is left byte-identical (works while Gloss
                    has it open)
  --json            print one JSON object: {"hits", "created", "alreadyCoded", "merged",
                    "skipped", "documents", "code", "scope", "dryRun"}`,
  options: {
    ...QUERY_OPTIONS,
    code: { type: 'string' },
    scope: { type: 'string' },
    speaker: { type: 'string' },
    coder: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'autocode');
    const ask = askFrom(positionals, values);
    const label = labelOf(file);
    const coderName = optionalString(values, 'coder');
    const json = values.json === true;
    if (values['dry-run']) {
      const found = await readProject(file, async (service) => {
        const state = service.current;
        const coder = await coderAmong(state.coders.values(), coderName);
        return preview(state, requestFor(state, ask, values, label), coder, label);
      });
      report(io, label, found, ask, true, json);
      return 0;
    }
    let coder: Coder | null = null;
    const found = await changeProject(
      file,
      async (project) => (coder = await coderAmong(project.coders.values(), coderName)),
      (service) => {
        const request = requestFor(service.current, ask, values, label);
        const counts = preview(service.current, request, coder!, label);
        // Nothing to code: no empty step, no new code without codings, the file untouched.
        if (counts.created === 0) return counts;
        const response = service.run(request);
        if (!response.ok) throw new CliError(`${label}: ${response.error}`);
        return counts;
      },
      { io },
    );
    report(io, label, found, ask, false, json);
    return 0;
  },
};
