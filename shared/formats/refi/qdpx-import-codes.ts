/**
 * The codebook of a QDPX project as Gloss codes: hierarchy from nesting, ids from GUIDs,
 * `#RGB` colours widened, anything unusable replaced with a warning.
 */
import { colorForIndex } from '../../model/colors';
import type { Code } from '../../model/schema';
import { readColor } from '../codebook/values';
import { short, type ImportContext } from './qdpx-import-context';
import { normalGuid, type QdeCode } from './qde-read';
import type { NoteAnchor } from './qdpx-import-notes';

/** A REFI-QDA RGBType colour as #rrggbb, or null when it is not one. */
export function refiColor(value: string): string | null {
  const reading = readColor(value);
  return reading.kind === 'invalid' ? null : reading.color;
}

export interface ImportedCodes {
  codes: Code[];
  /** Normalised GUID → code id; a repeated GUID keeps pointing at the first code. */
  byGuid: Map<string, string>;
}

/** Reads the code tree; NoteRefs on codes are added to `anchors`. */
export function importCodes(ctx: ImportContext, roots: readonly QdeCode[], anchors: NoteAnchor[]): ImportedCodes {
  const codes: Code[] = [];
  const byGuid = new Map<string, string>();
  const visit = (qc: QdeCode, parentId: string | null, parentName: string | null) => {
    const name = qc.name?.trim() || 'Unnamed code';
    const where = parentName ? ` under “${short(parentName)}”` : '';
    if (!qc.name?.trim()) ctx.warn(`A code${where} has no name; it was called “Unnamed code”.`);
    const id = ctx.idFor('codes', qc.guid, `Code “${short(name)}”${where}`);
    const guid = normalGuid(qc.guid);
    if (guid && !byGuid.has(guid)) byGuid.set(guid, id);
    let color = qc.color ? refiColor(qc.color) : null;
    if (qc.color && !color) ctx.warn(`Code “${short(name)}”${where} has the colour “${short(qc.color, 20)}”, which is not #RRGGBB or #RGB; it was given a default colour.`);
    color ??= colorForIndex(codes.length);
    const codable = qc.isCodable?.trim().toLowerCase() !== 'false' && qc.isCodable?.trim() !== '0';
    codes.push({ id, name, color, description: qc.description?.trim() ?? '', parentId, codable, createdAt: ctx.now });
    for (const note of qc.noteRefs) anchors.push({ note, target: { kind: 'code', id }, about: `code “${short(name)}”` });
    for (const child of qc.children) visit(child, id, name);
  };
  for (const root of roots) visit(root, null, null);
  return { codes, byGuid };
}
