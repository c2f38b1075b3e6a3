/** gloss info FILE [--json] */
import { codePath, codeTree } from '../../../shared/model/codes';
import type { ProjectState } from '../../../shared/model/state';
import { readProject } from '../project-session';
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
}

export function projectInfo(state: Readonly<ProjectState>): ProjectInfo {
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
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const infoCommand: Command = {
  name: 'info',
  summary: 'count documents, codes, codings and memos',
  help: `Usage: gloss info FILE [--json]

Prints the number of documents, codes, codings and memos in the project, and the number
of codings of each code. Opens the project read-only: it works while Gloss has it open.

Options:
  --json   print one JSON object: {"project", "documents", "codes", "codings", "memos",
           "perCode": [{"id", "code", "path", "codings"}]}`,
  options: { json: { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'info');
    noExtraArguments(positionals, 1, 'info');
    const info = await readProject(file, (service) => projectInfo(service.current));
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
