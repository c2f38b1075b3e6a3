/**
 * What merging code A into code B will do, counted before the person confirms: the
 * codings that move, those that collapse into one B already has (same document, span and
 * coder, as the merge operation decides), and the sub-codes that move under B.
 */
import type { Code } from '../../../shared/model/schema';
import type { CodingEntry } from '../../../shared/model/coding-columns';

export interface MergeCounts {
  moved: number;
  collapsed: number;
  subCodes: number;
}

const spanKey = (c: CodingEntry) => `${c.documentId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}`;

/** The counts for merging `sourceId` into `targetId` in a project (or the renderer's index of one). */
export function mergeCounts(
  project: { codes: ReadonlyMap<string, Code>; codings: ReadonlyMap<string, CodingEntry>; codingsByCode: ReadonlyMap<string, ReadonlySet<string>> },
  sourceId: string,
  targetId: string,
): MergeCounts {
  const held = new Set<string>();
  for (const id of project.codingsByCode.get(targetId) ?? []) {
    const c = project.codings.get(id);
    if (c) held.add(spanKey(c));
  }
  let moved = 0;
  let collapsed = 0;
  for (const id of project.codingsByCode.get(sourceId) ?? []) {
    const c = project.codings.get(id);
    if (!c) continue;
    if (held.has(spanKey(c))) collapsed++;
    else moved++;
  }
  let subCodes = 0;
  for (const code of project.codes.values()) if (code.parentId === sourceId) subCodes++;
  return { moved, collapsed, subCodes };
}

/** The confirm's words: what happens to the codings, the sub-codes and the code itself. */
export function mergeMessage(source: string, target: string, counts: MergeCounts): string {
  const parts = [
    `${counts.moved === 1 ? '1 coding moves' : `${counts.moved} codings move`} from “${source}” to “${target}”`,
  ];
  if (counts.collapsed > 0) {
    parts.push(`${counts.collapsed === 1 ? '1 coding is' : `${counts.collapsed} codings are`} already coded “${target}” on the same passage by the same coder and ${counts.collapsed === 1 ? 'is' : 'are'} kept once`);
  }
  if (counts.subCodes > 0) parts.push(`${counts.subCodes === 1 ? 'its sub-code moves' : `its ${counts.subCodes} sub-codes move`} under “${target}”`);
  return `${parts.join('; ')}. Then “${source}” is removed. A backup is kept, and you can undo this in one step.`;
}
