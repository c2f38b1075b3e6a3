/** gloss memo FILE (--project | --doc NAME | --code CODE | --coding ID) --text TEXT [--title T], or gloss memo FILE --list */
import type { MemoTarget } from '../../../shared/model/schema';
import { normalizeNewlines } from '../../../shared/import/decode-text';
import { coderAmong } from '../../service/coder';
import { memoList, type MemoFilter } from '../../../shared/analysis/memo-list';
import { CliError, UsageError, listNames, quoted } from '../errors';
import { findCode, findDocument } from '../lookup';
import { changeProject, readProject } from '../project-session';
import { labelOf, noExtraArguments, optionalString, projectArgument, type CliIo, type Command, type OptionValues } from '../command';
import { runOp } from './code';

const TARGETS = ['project', 'doc', 'code', 'coding'] as const;

export const memoCommand: Command = {
  name: 'memo',
  summary: 'write a memo on the project, a document, a code or a coding',
  help: `Usage: gloss memo FILE (--project | --doc NAME | --code CODE | --coding ID) --text TEXT [--title T]
       gloss memo FILE --list [--search WORDS] [--kind KIND…] [--coded-by NAME…] [--json]

Adds a memo and prints its id. It travels with the project: in the app's memo lists, the
HTML report, the Markdown notes and the REFI-QDA export.

Options:
  --project       a memo on the whole project (a journal entry)
  --doc NAME      a memo on this document (its name or id)
  --code CODE     a memo on this code (its name, or its path such as "Barriers > Data sharing")
  --coding ID     a memo on this coding (its id, as gloss code prints it)
  --text TEXT     the memo
  --title T       its title (default: none)
  --coder NAME    who writes it (default: the coder in Gloss's settings)

Listing (read-only), newest change first:
  --list          list the memos instead of adding one
  --search WORDS  only memos whose title or text holds every word (case and accents aside)
  --kind KIND     only memos on: project, document, code or coding; may be given many times
  --coded-by NAME only memos by this coder; may be given many times
  --json          print a JSON array of {"id", "kind", "about", "title", "text", "coder",
                  "modified"}`,
  options: {
    project: { type: 'boolean' },
    doc: { type: 'string' },
    code: { type: 'string' },
    coding: { type: 'string' },
    text: { type: 'string' },
    title: { type: 'string' },
    coder: { type: 'string' },
    list: { type: 'boolean' },
    search: { type: 'string' },
    kind: { type: 'string', multiple: true },
    'coded-by': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'memo');
    noExtraArguments(positionals, 1, 'memo');
    if (values.list) return listMemos(file, values, io);
    for (const option of ['search', 'kind', 'coded-by', 'json']) {
      if (values[option] !== undefined) throw new UsageError(`memo: --${option} goes with --list`);
    }
    const given = TARGETS.filter((t) => values[t] !== undefined && values[t] !== false);
    if (given.length !== 1) throw new UsageError('memo: say what the memo is on with one of --project, --doc NAME, --code CODE or --coding ID');
    const text = optionalString(values, 'text');
    if (text === undefined || text.trim() === '') throw new UsageError('memo: --text is required and cannot be empty');
    const title = optionalString(values, 'title') ?? '';
    const label = labelOf(file);
    const memoId = await changeProject(file, (project) => coderAmong(project.coders.values(), optionalString(values, 'coder')), (service) => {
      const state = service.current;
      let target: MemoTarget;
      switch (given[0]!) {
        case 'project':
          target = { kind: 'project' };
          break;
        case 'doc':
          target = { kind: 'document', id: findDocument(state, values.doc as string, label).id };
          break;
        case 'code': {
          const name = values.code as string;
          const found = findCode(state, name);
          if (!found.existing || found.missing.length > 0) throw new CliError(`${label}: no code named ${quoted(name)}; name it as in \`gloss info ${label}\`, with " > " between a parent and its child`);
          target = { kind: 'code', id: found.existing.id };
          break;
        }
        case 'coding': {
          const id = (values.coding as string).trim();
          if (!state.codings.has(id)) throw new CliError(`${label}: no coding with id ${quoted(id)} (gloss code prints a coding's id; the exports list them)`);
          target = { kind: 'coding', id };
          break;
        }
      }
      // A memo typed in a Windows shell may carry CRLF; the project keeps LF.
      return runOp(service, { type: 'addMemo', target, title: normalizeNewlines(title), text: normalizeNewlines(text) }, label).created.memoId!;
    }, { io });
    io.out(memoId);
    return 0;
  },
};

const KINDS: readonly MemoTarget['kind'][] = ['project', 'document', 'code', 'coding'];

/** gloss memo FILE --list: the memo manager's list, filtered. */
async function listMemos(file: string, values: OptionValues, io: CliIo): Promise<number> {
  for (const option of [...TARGETS, 'text', 'title', 'coder']) {
    if (values[option] !== undefined && values[option] !== false) throw new UsageError(`memo: --list lists memos; leave out --${option}`);
  }
  const kinds = ((values.kind as string[] | undefined) ?? []).map((k) => {
    const kind = k.trim().toLowerCase() === 'doc' ? 'document' : k.trim().toLowerCase();
    if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`memo: --kind must be project, document, code or coding, not ${quoted(k)}`);
    return kind as MemoTarget['kind'];
  });
  const label = labelOf(file);
  const rows = await readProject(file, (service) => {
    const state = service.current;
    const filter: MemoFilter = {};
    const words = optionalString(values, 'search');
    if (words !== undefined) filter.words = words;
    if (kinds.length > 0) filter.kinds = kinds;
    const coders = (values['coded-by'] as string[] | undefined) ?? [];
    if (coders.length > 0) {
      const all = [...state.coders.values()];
      filter.coderIds = coders.map((name) => {
        const coder = all.find((c) => c.name === name) ?? all.find((c) => c.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
        if (!coder) throw new CliError(`${label}: no coder named ${quoted(name)} (coders: ${listNames(all.map((c) => c.name).sort((a, b) => a.localeCompare(b)))})`);
        return coder.id;
      });
    }
    return memoList(state, filter);
  });
  if (values.json) {
    io.out(JSON.stringify(rows.map((r) => ({ id: r.memo.id, kind: r.kind, about: r.about, title: r.memo.title, text: r.memo.text, coder: r.coderName, modified: r.memo.modifiedAt }))));
    return 0;
  }
  if (rows.length === 0) io.out('No memos.');
  for (const r of rows) {
    const body = [r.memo.title, r.memo.text].filter(Boolean).join(': ').replace(/\s+/g, ' ');
    io.out(`${r.memo.modifiedAt.slice(0, 10)}  ${r.coderName}  ${r.kind} ${r.about}: ${body}`);
  }
  return 0;
}
