/**
 * Deterministic, diff-friendly serialisation of a project file: one top-level key per
 * line and one entity per line, so that a git diff of two saves shows exactly the
 * entities that changed. Entities keep the key order the schema gives them.
 */
import { TABLES, type ProjectFile } from './schema';

/** The text written to disk for `file` (ends with a newline). */
export function serializeProject(file: ProjectFile): string {
  const parts: string[] = [
    '{\n',
    `"format": ${JSON.stringify(file.format)},\n`,
    `"version": ${JSON.stringify(file.version)},\n`,
    `"project": ${JSON.stringify(file.project)}`,
  ];
  for (const table of TABLES) {
    const rows = file[table] as unknown[];
    if (rows.length === 0) {
      parts.push(`,\n"${table}": []`);
      continue;
    }
    parts.push(`,\n"${table}": [\n`);
    for (let i = 0; i < rows.length; i++) {
      parts.push(i === 0 ? JSON.stringify(rows[i]) : ',\n' + JSON.stringify(rows[i]));
    }
    parts.push('\n]');
  }
  // The audit trail comes last, one entry per line, oldest first: two copies that each
  // added entries differ only at the end, which git merges as text and Gloss by id.
  if (file.audit?.length) {
    parts.push(',\n"audit": [\n');
    parts.push(file.audit.map((entry) => JSON.stringify(entry)).join(',\n'));
    parts.push('\n]');
  }
  parts.push('\n}\n');
  return parts.join('');
}
