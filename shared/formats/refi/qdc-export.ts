/**
 * The codebook as a REFI-QDA `.qdc` (Codebook-mrt2019.xsd): the code hierarchy as nested
 * `Code` elements with colours, descriptions and `isCodable`, and the code sets.
 */
import { childrenByParent } from '../../model/codes';
import type { Code } from '../../model/schema';
import type { ProjectState } from '../../model/state';
import { err, ok, type Result } from '../../result';
import { refiGuid } from './guid';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape';
import type { ExportBuilder } from '../../export/registry';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** RGBType of the schema; Gloss stores #RRGGBB, but a colour that does not fit is left out rather than make the file invalid. */
const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

/**
 * The `.qdc` text (UTF-8 XML) of the project's codebook. `origin` names the writing
 * program, e.g. `Gloss 0.3.0`. Fails when the project has no codes, because the schema
 * requires at least one `Code` and an empty codebook is of no use to the receiving tool.
 */
export function codebookQdc(state: ProjectState, origin = 'Gloss'): Result<string> {
  if (state.codes.size === 0) {
    return err(`Project "${state.project.name}" has no codes: a REFI-QDA codebook must hold at least one code. Add a code, then export again.`);
  }
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${CODEBOOK_NAMESPACE}" origin="${escapeXmlAttribute(origin)}">`, '  <Codes>'];
  const children = childrenByParent(state.codes.values());
  const written = new Set<string>();
  const writeCode = (code: Code, depth: number): void => {
    written.add(code.id);
    const indent = '  '.repeat(depth);
    const color = RGB.test(code.color) ? ` color="${code.color}"` : '';
    const open = `${indent}<Code guid="${refiGuid('codes', code.id)}" name="${escapeXmlAttribute(code.name)}" isCodable="${code.codable}"${color}`;
    // A child whose id was already written would mean a parent cycle; skipping it keeps the walk finite.
    const kids = (children.get(code.id) ?? []).filter((child) => !written.has(child.id));
    if (!code.description && kids.length === 0) {
      lines.push(`${open}/>`);
      return;
    }
    lines.push(`${open}>`);
    if (code.description) lines.push(`${indent}  <Description>${escapeXmlText(code.description)}</Description>`);
    for (const child of kids) writeCode(child, depth + 1);
    lines.push(`${indent}</Code>`);
  };
  for (const code of topLevelCodes(state, children)) writeCode(code, 2);
  lines.push('  </Codes>');

  const sets = [...state.sets.values()].filter((set) => set.kind === 'codes').sort((a, b) => a.name.localeCompare(b.name));
  if (sets.length > 0) {
    lines.push('  <Sets>');
    for (const set of sets) {
      lines.push(`    <Set guid="${refiGuid('sets', set.id)}" name="${escapeXmlAttribute(set.name)}">`);
      if (set.description) lines.push(`      <Description>${escapeXmlText(set.description)}</Description>`);
      // Members that are no longer codes are dropped: the codebook schema only knows code members.
      for (const memberId of set.memberIds) {
        if (state.codes.has(memberId)) lines.push(`      <MemberCode guid="${refiGuid('codes', memberId)}"/>`);
      }
      lines.push('    </Set>');
    }
    lines.push('  </Sets>');
  }
  lines.push('</CodeBook>', '');
  return ok(lines.join('\n'));
}

/** Codes without a parent, plus any whose parent is missing, so that no code is lost from the export. */
function topLevelCodes(state: ProjectState, children: Map<string | null, Code[]>): Code[] {
  const orphans = [...state.codes.values()].filter((code) => code.parentId !== null && !state.codes.has(code.parentId));
  return [...(children.get(null) ?? []), ...orphans].sort((a, b) => a.name.localeCompare(b.name));
}

/** The registry's builder: fails for a project without codes. */
export const codebookQdcExport: ExportBuilder = (state) => codebookQdc(state, 'Gloss');
