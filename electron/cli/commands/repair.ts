/** gloss repair FILE [--dry-run] */
import type { ProjectProblem } from '../../../shared/model/check-project';
import { planRepair } from '../../../shared/ops/repair-project';
import { backupPath } from '../../service/durable-file';
import { succeeded } from '../errors';
import { plural } from '../../../shared/plural';
import { changeProject, readProject } from '../project-session';
import { withoutWarnings } from '../problem-warnings';
import { labelOf, noExtraArguments, projectArgument, type Command } from '../command';
import path from 'node:path';

/** Stands in for a coder: Repair records no coder, so no settings are read or written for it. */
const REPAIRER = { id: 'gloss-cli-repair', name: 'Gloss repair', color: '#777777' };

const count = (n: number) => plural(n, 'problem');

function list(io: { out(line: string): void }, problems: readonly ProjectProblem[]): void {
  for (const p of problems) io.out(`  ${p.message}${p.repair ? ` Repair ${p.repair}.` : ''}`);
}

/** Problems nothing can mend without loss: said, so that "mended" is never taken for "all is well". */
function listLeft(io: { out(line: string): void }, left: readonly ProjectProblem[]): void {
  if (left.length === 0) return;
  io.out(`Left as ${left.length === 1 ? 'it is' : 'they are'} (nothing can mend ${left.length === 1 ? 'it' : 'them'} without loss):`);
  list(io, left);
}

export const repairCommand: Command = {
  name: 'repair',
  summary: 'mend the problems the project check finds, as far as it can without loss',
  help: `Usage: gloss repair FILE [--dry-run]

Mends what the project check reports (every command lists it on stderr when it opens a
project), in one step, and only where nothing a person wrote is lost:
  a coder or variable that codings, memos or values refer to but the project lacks is
    added under that id;
  a memo on a document, code or coding that is gone becomes a memo on the project;
  members of cases and sets that are gone are taken off them, repeated ones kept once;
  reading structure (headings, pages…) reversed or past the end of its text is put back
    inside it;
  a coding that splits a character in two is widened to the whole character;
  a coding whose offsets no longer hold the text it was made on is moved to where that
    text is, or, when it is nowhere, kept in place and marked for review.
The version before is kept as FILE.bak. In the app, Repair is one step that Undo reverts.

Options:
  --dry-run   print what would be mended, change nothing`,
  options: { 'dry-run': { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'repair');
    noExtraArguments(positionals, 1, 'repair');
    const label = labelOf(file);
    if (values['dry-run']) {
      const plan = await withoutWarnings(() => readProject(file, (service) => planRepair(service.current)));
      if (plan.repaired.length === 0) {
        io.out(`${label}: the project check found nothing to mend`);
      } else {
        io.out(`${label}: repair would mend ${count(plan.repaired.length)} (nothing was changed):`);
        list(io, plan.repaired);
      }
      listLeft(io, plan.left);
      return 0;
    }
    const plan = await withoutWarnings(() =>
      changeProject(file, REPAIRER, (service) => {
        const planned = planRepair(service.current);
        if (planned.repaired.length === 0) return planned;
        succeeded(service.run({ type: 'repairProject' }), label);
        return planned;
      }),
    );
    if (plan.repaired.length === 0) {
      io.out(`${label}: the project check found nothing to mend; nothing was changed`);
    } else {
      io.out(`${label}: mended ${count(plan.repaired.length)}; the version before is kept as ${path.basename(backupPath(file))}:`);
      list(io, plan.repaired);
    }
    listLeft(io, plan.left);
    return 0;
  },
};
