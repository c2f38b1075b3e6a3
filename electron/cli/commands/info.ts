/** gloss info FILE [--json] */
import { codePath, codeTree } from '../../../shared/model/codes';
import type { ProjectState } from '../../../shared/model/state';
import type { ProjectCheck, ProjectProblem } from '../../../shared/model/check-project';
import { readProject } from '../project-session';
import { plural } from '../../../shared/plural';
import { terminalSafe } from '../../../shared/text/safe-names';
import { labelOf, noExtraArguments, projectArgument, type Command } from '../command';

export interface ProjectInfo {
  project: string;
  documents: number;
  codes: number;
  codings: number;
  memos: number;
  /** Every code in tree order, with its number of codings (not counting sub-codes). */
  perCode: { id: string; code: string; path: string; codings: number }[];
  /** Every problem the project check found (empty for a sound project); `gloss repair` mends them. */
  problems: Pick<ProjectProblem, 'kind' | 'table' | 'id' | 'message' | 'repair'>[];
}

/** The counts of `state`, and the problems of `check` (the whole list). */
export function projectInfo(state: Readonly<ProjectState>, check: ProjectCheck): ProjectInfo {
  return {
    project: state.project.name,
    documents: state.documents.size,
    codes: state.codes.size,
    codings: state.codings.size,
    memos: state.memos.size,
    perCode: codeTree(state.codes.values()).map(({ code }) => ({
      id: code.id,
      code: code.name,
      path: codePath(state, code.id),
      codings: state.codingsByCode.get(code.id)?.size ?? 0,
    })),
    problems: check.problems.map(({ kind, table, id, message, repair }) => ({ kind, table, id, message, repair })),
  };
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'count documents, codes, codings and memos',
  help: `Usage: gloss info FILE [--json]

Prints the number of documents, codes, codings and memos in the project, and the number
of codings of each code. Opens the project read-only: it works while Gloss has it open.
Problems the project check finds (a memo on a deleted document, a coding splitting a
character…) are listed on stderr, as every command does; gloss repair mends them.

Options:
  --json   print one JSON object: {"project", "documents", "codes", "codings", "memos",
           "perCode": [{"id", "code", "path", "codings"}],
           "problems": [{"kind", "table", "id", "message", "repair"}]}`,
  options: { json: { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'info');
    noExtraArguments(positionals, 1, 'info');
    const info = await readProject(file, (service) => projectInfo(service.current, service.check()));
    if (values.json) {
      io.out(JSON.stringify(info));
      return 0;
    }
    io.out(`${labelOf(file)}: ${JSON.stringify(info.project)}`);
    io.out(
      `${plural(info.documents, 'document')}, ${plural(info.codes, 'code')}, ${plural(info.codings, 'coding')}, ${plural(info.memos, 'memo')}`,
    );
    if (info.perCode.length > 0) {
      const width = Math.max(...info.perCode.map((c) => String(c.codings).length));
      io.out('Codings per code:');
      for (const c of info.perCode) io.out(`  ${String(c.codings).padStart(width)}  ${terminalSafe(c.path)}`);
    }
    return 0;
  },
};
