/**
 * Merge at the bench size (issue 5 section 4): the synthetic project handed out without
 * codings, and two copies each holding one coder's codings (about 50,000 each), merged
 * three-way. Timed twice: the merge itself on parsed files, and what `gloss merge` does
 * end to end in memory (parse the three files, merge, serialise the result).
 */
import { mergeProjects } from '../../shared/merge/merge-projects';
import { parseProjectText } from '../../shared/model/parse';
import type { ProjectFile } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { median, rounds, timed } from './measure';
import { FULL_SIZE, syntheticProject, type SyntheticOptions } from './synthetic-project';

export interface MergeFigures {
  /** mergeProjects on the three parsed files, median ms. */
  merge_ms: number;
  /** Parse base, ours and theirs from text, merge, serialise: the CLI's work without the disk, median ms. */
  merge_cli_ms: number;
  /** Codings in the merged project (both coders'). */
  merge_codings: number;
}

/** Base (no codings or memos) and one copy per coder, from one synthetic project. */
export function coderCopies(size: SyntheticOptions): { base: ProjectFile; ours: ProjectFile; theirs: ProjectFile } {
  const project = syntheticProject(size);
  const [first, second] = project.coders;
  if (!first || !second) throw new Error('the synthetic project has fewer than two coders');
  const base: ProjectFile = { ...project, codings: [], memos: [] };
  const copyOf = (coderId: string): ProjectFile => {
    const codings = project.codings.filter((c) => c.coderId === coderId);
    const ids = new Set(codings.map((c) => c.id));
    return { ...project, codings, memos: project.memos.filter((m) => m.target.kind === 'coding' && ids.has(m.target.id)) };
  };
  return { base, ours: copyOf(first.id), theirs: copyOf(second.id) };
}

/** Times merging two coders' copies of the bench project (FULL_SIZE unless told otherwise). */
export async function measureMerge(size: SyntheticOptions = FULL_SIZE, repeats = 3): Promise<MergeFigures> {
  const { base, ours, theirs } = coderCopies(size);
  const texts = { base: serializeProject(base), ours: serializeProject(ours), theirs: serializeProject(theirs) };
  const parse = (text: string): ProjectFile => {
    const parsed = parseProjectText(text);
    if (!parsed.ok) throw new Error(`bench merge: a copy does not parse: ${parsed.error}`);
    return parsed.value;
  };
  let codings = 0;
  const figures = await rounds(1, repeats, async () => {
    const merge_ms = await timed(() => {
      const result = mergeProjects({ base, ours, theirs, now: base.project.modifiedAt });
      codings = result.file.codings.length;
      if (result.unresolved.length > 0) throw new Error(`bench merge: ${result.unresolved.length} unexpected conflicts`);
    });
    const merge_cli_ms = await timed(() => {
      const result = mergeProjects({ base: parse(texts.base), ours: parse(texts.ours), theirs: parse(texts.theirs) });
      serializeProject(result.file);
    });
    return { merge_ms, merge_cli_ms };
  });
  const expected = ours.codings.length + theirs.codings.length;
  if (codings !== expected) throw new Error(`bench merge: ${codings} codings merged, expected ${expected}`);
  return { merge_ms: median(figures.merge_ms), merge_cli_ms: median(figures.merge_cli_ms), merge_codings: codings };
}
