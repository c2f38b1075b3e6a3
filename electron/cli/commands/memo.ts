/** gloss memo FILE (--project | --doc NAME | --code CODE | --coding ID) --text TEXT [--title T] */
import type { MemoTarget } from '../../../shared/model/schema';
import { normalizeNewlines } from '../../../shared/import/decode-text';
import { coderAmong } from '../../service/coder';
import { CliError, UsageError, quoted } from '../errors';
import { findCode, findDocument } from '../lookup';
import { changeProject } from '../project-session';
import { labelOf, noExtraArguments, optionalString, projectArgument, type Command } from '../command';
import { runOp } from './code';

const TARGETS = ['project', 'doc', 'code', 'coding'] as const;

export const memoCommand: Command = {
  name: 'memo',
  summary: 'write a memo on the project, a document, a code or a coding',
  help: `Usage: gloss memo FILE (--project | --doc NAME | --code CODE | --coding ID) --text TEXT [--title T]

Adds a memo and prints its id. It travels with the project: in the app's memo lists, the
HTML report, the Markdown notes and the REFI-QDA export.

Options:
  --project       a memo on the whole project (a journal entry)
  --doc NAME      a memo on this document (its name or id)
  --code CODE     a memo on this code (its name, or its path such as "Barriers > Data sharing")
  --coding ID     a memo on this coding (its id, as gloss code prints it)
  --text TEXT     the memo
  --title T       its title (default: none)
  --coder NAME    who writes it (default: the coder in Gloss's settings)`,
  options: {
    project: { type: 'boolean' },
    doc: { type: 'string' },
    code: { type: 'string' },
    coding: { type: 'string' },
    text: { type: 'string' },
    title: { type: 'string' },
    coder: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'memo');
    noExtraArguments(positionals, 1, 'memo');
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
