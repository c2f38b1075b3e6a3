/** gloss search PROJECT QUERY [--regex] [--case-sensitive] [--whole-word] [--doc NAME]... [--json] */
import { hitContext, searchProject } from '../../../shared/analysis/search';
import { describeProblem } from '../../../shared/analysis/search-query';
import { terminalSafe } from '../../../shared/text/safe-names';
import { readProject } from '../project-session';
import { labelOf, projectArgument, type Command } from '../command';
import { QUERY_HELP, QUERY_OPTIONS, queryFrom, scopeFrom } from '../search-options';
import { CliError, UsageError } from '../errors';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One line of context for a terminal: line breaks and tabs shown as spaces. */
const flat = (text: string) => terminalSafe(text.replace(/[\n\t]/g, ' '));

export const searchCommand: Command = {
  name: 'search',
  summary: 'find text (or a regular expression) in every document',
  help: `Usage: gloss search PROJECT QUERY [--regex] [--case-sensitive] [--whole-word] [--doc NAME]... [--json]

Finds QUERY in the documents' text: literal text in any case by default. Prints each hit
with its document, its place and some text around it, then the count. Offsets are UTF-16
code units into the document's text, end exclusive, as everywhere in Gloss. Opens the
project read-only: it works while Gloss has it open. A QUERY starting with - goes after --.

Options:
${QUERY_HELP}
  --json            print one JSON array of hits {"document", "start", "end", "text"},
                    in document order then by start`,
  options: { ...QUERY_OPTIONS, json: { type: 'boolean' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'search');
    if (positionals.length > 2) throw new UsageError(`search: unexpected argument ${JSON.stringify(positionals[2])}; put a QUERY with spaces in quotes (see gloss search --help)`);
    const query = queryFrom(positionals[1], values, 'search');
    const label = labelOf(file);
    await readProject(file, (service) => {
      const state = service.current;
      const result = searchProject(state, query, scopeFrom(state, values, label, 'search'));
      if (!result.ok) throw new CliError(`${label}: ${describeProblem(query, result.error)}`);
      const { hits, total, perDocument } = result.value;
      const nameOf = (id: string) => state.documents.get(id)!.name;
      if (values.json) {
        io.out(JSON.stringify(hits.map((h) => ({ document: nameOf(h.documentId), start: h.start, end: h.end, text: state.documents.get(h.documentId)!.text.slice(h.start, h.end) }))));
        return;
      }
      let shown: string | null = null;
      for (const hit of hits) {
        if (hit.documentId !== shown) {
          shown = hit.documentId;
          io.out(`${terminalSafe(nameOf(hit.documentId))} (${plural(perDocument.get(hit.documentId) ?? 0, 'hit')})`);
        }
        const c = hitContext(state.documents.get(hit.documentId)!.text, hit);
        io.out(`  ${hit.start}–${hit.end}  ${flat(c.before)}[${flat(c.match)}]${flat(c.after)}`);
      }
      io.out(`${label}: ${plural(total, 'hit')} in ${plural(perDocument.size, 'document')}`);
    });
    return 0;
  },
};
