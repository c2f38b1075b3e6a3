/** gloss history FILE [--json]: the project's audit trail, oldest first. */
import { entryNames, viaLabel } from '../../../shared/ops/audit-filter';
import { terminalSafe } from '../../../shared/text/safe-names';
import { readProject } from '../project-session';
import { noExtraArguments, projectArgument, type Command } from '../command';

export const historyCommand: Command = {
  name: 'history',
  summary: 'list the changes made to a project: who, when, what',
  help: `Usage: gloss history FILE [--json]

Prints the project's audit trail, oldest first: one line per change with its time (UTC),
the coder, and what was done; codings made by an auto-code or an accepted suggestion say
so. Opens the project read-only: it works while Gloss has it open.

Options:
  --json   print a JSON array of {"id", "at", "by", "who", "op", "text", "codes", "docs", "via"}
           ("codes" and "docs" are ids, left out when none; "via" is "autocode" or "suggestion" when set)`,
  options: { json: { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'history');
    noExtraArguments(positionals, 1, 'history');
    const lines = await readProject(file, (service) => {
      const trail = service.auditTrail();
      if (values.json) return [JSON.stringify(trail)];
      return trail.map((e) => {
        const names = entryNames(service.current, e);
        const via = viaLabel(e);
        const where = [names.codes, names.documents].filter(Boolean).join(' · ');
        return terminalSafe(`${e.at}  ${e.who}  ${e.text}${via ? ` (${via})` : ''}${where ? `  [${where}]` : ''}`);
      });
    });
    for (const line of lines) io.out(line);
    return 0;
  },
};
