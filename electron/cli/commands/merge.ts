/** gloss merge OURS THEIRS [--base BASE] -o OUT [--ours | --theirs] [--pick ID=ours|theirs …]; also git's merge driver. */
import { promises as fs } from 'node:fs';
import { mergeProjects } from '../../../shared/merge/merge-projects';
import { mergeReportLines } from '../../../shared/merge/report-lines';
import type { Side } from '../../../shared/merge/types';
import type { ProjectFile } from '../../../shared/model/schema';
import { loadProjectFile } from '../../service/durable-file';
import { fileErrorReason } from '../../service/fs-reasons';
import { CliError, UsageError } from '../errors';
import { writeWholeProject } from '../project-session';
import { labelOf, optionalString, stringOption, type Command, type OptionValues } from '../command';

/** The sides chosen with --pick ID=ours|theirs (each value may also hold several, comma-separated). */
function picks(values: OptionValues): Record<string, Side> {
  const raw = values.pick;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  const out: Record<string, Side> = {};
  for (const item of list.flatMap((v) => v.split(','))) {
    const match = /^\s*(.+?)\s*=\s*(ours|theirs)\s*$/.exec(item);
    if (!match) throw new UsageError(`merge: --pick ${JSON.stringify(item)} must look like CONFLICT-ID=ours or CONFLICT-ID=theirs`);
    out[match[1]!] = match[2] as Side;
  }
  return out;
}

/**
 * The base, or null when BASE is empty: git passes an empty file as %O when the two
 * branches added the project independently and there is no common version.
 */
async function readBase(file: string | undefined): Promise<ProjectFile | null> {
  if (file === undefined) return null;
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (e) {
    throw new CliError(`${labelOf(file)}: the base file could not be read (${fileErrorReason(e, 'reading')}).`);
  }
  return size === 0 ? null : loadProjectFile(file);
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge two copies of a project (also a git merge driver)',
  help: `Usage: gloss merge OURS THEIRS [--base BASE] -o OUT [--ours | --theirs] [--pick ID=ours|theirs ...]

Merges THEIRS into OURS and writes the result to OUT (which may be OURS itself). With
BASE, the copy both started from, the merge is three-way: additions from both sides are
kept, a deletion wins unless the other side changed what was deleted, and a value changed
differently on both sides is a conflict. Without BASE, whatever either side has is kept.

Documents and codes with different ids are matched by text (or source file) and by their
path of names. Where a document's text differs, OURS's text is kept and THEIRS's codings
are placed on it by quote; codings that cannot be placed are listed and not merged.

The report lists each conflict with its id and both values. Unresolved conflicts keep
OURS's value: OUT is still written, and the exit code is 1. Exit code 2: a wrong command line.

As a git merge driver (see gloss git-setup):  gloss merge --base %O %A %B -o %A --name %P

Options:
  --base BASE            the common ancestor (an empty file counts as none)
  -o, --output OUT       where to write the merged project
  --ours                 settle every conflict with OURS's value
  --theirs               settle every conflict with THEIRS's value
  --pick ID=ours|theirs  settle one conflict (repeatable; wins over --ours/--theirs)
  --name NAME            name the files in the report as NAME (ours), NAME (theirs), NAME (base):
                         git hands the driver temporary files, and passes the project's path as %P`,
  options: {
    base: { type: 'string' },
    output: { type: 'string', short: 'o' },
    ours: { type: 'boolean' },
    theirs: { type: 'boolean' },
    pick: { type: 'string', multiple: true },
    name: { type: 'string' },
  },
  async run(positionals, values, io) {
    if (positionals.length !== 2) {
      throw new UsageError(`merge: name two project files, ours and theirs (got ${positionals.length}; see gloss merge --help)`);
    }
    const [oursPath, theirsPath] = positionals as [string, string];
    const outPath = stringOption(values, 'output', 'merge');
    if (values.ours && values.theirs) throw new UsageError('merge: give --ours or --theirs, not both');
    const prefer: Side | undefined = values.ours ? 'ours' : values.theirs ? 'theirs' : undefined;
    const resolutions = picks(values);

    // OUT is locked before anything is read, and everything is read before it is written:
    // OUT may be OURS (git's %A), and a project open in Gloss is never written behind its back.
    const { merged, base } = await writeWholeProject(
      outPath,
      async () => {
        const ours = await loadProjectFile(oursPath);
        const theirs = await loadProjectFile(theirsPath);
        const base = await readBase(optionalString(values, 'base'));
        const merged = mergeProjects({ ours, theirs, base, resolutions, prefer });
        const known = new Set(merged.report.conflicts.map((c) => c.id));
        const unknown = Object.keys(resolutions).filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw new UsageError(
            `merge: --pick names no conflict of this merge: ${unknown.join(', ')} (conflicts: ${[...known].join(', ') || 'none'})`,
          );
        }
        return { project: merged.file, result: { merged, base } };
      },
      {
        io,
        wayOut: 'Close it there first, or write the merge to another file with -o; nothing was merged.',
        failure: (reason) => `${labelOf(outPath)}: the merged project could not be written (${reason}); nothing was changed.`,
      },
    );
    // Under git, OURS, THEIRS and BASE are temporary files (.merge_file_XXXXXX): --name %P says which project they are.
    const project = optionalString(values, 'name');
    const names = project
      ? { ours: `${project} (ours)`, theirs: `${project} (theirs)`, base: `${project} (base)`, out: project }
      : { ours: labelOf(oursPath), theirs: labelOf(theirsPath), base: labelOf(optionalString(values, 'base') ?? ''), out: labelOf(outPath) };
    const chosen = (id: string): Side | undefined => resolutions[id] ?? prefer;
    io.out(`Merged ${names.theirs} into ${names.ours}${base ? ` (base ${names.base})` : ''}; wrote ${names.out}.`);
    for (const line of mergeReportLines(merged.report, { ...names, chosen: (c) => chosen(c.id) })) io.out(line);
    if (merged.unresolved.length > 0) {
      const n = merged.unresolved.length;
      io.err(
        `gloss: ${n === 1 ? 'one conflict is' : `${n} conflicts are`} unresolved (${merged.unresolved.map((c) => c.id).join(', ')}); ` +
          `${names.out} keeps ${names.ours}'s values. Settle them with --pick ID=ours|theirs, or --ours / --theirs.`,
      );
      return 1;
    }
    return 0;
  },
};
