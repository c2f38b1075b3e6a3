/**
 * Turning the text of a `.gloss` file into a validated ProjectFile, with messages that
 * name the first problem and where in the JSON it is.
 */
import type { z } from 'zod';
import { FORMAT, projectFileSchema, type ProjectFile } from './schema';
import { migrate } from './migrate';
import { err, ok, type Result } from '../result';

/** `documents[3].text`-style path of a zod issue. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the file does not match the project format';
  return `${jsonPath(issue.path)}: ${issue.message}`;
}

/** Parses and validates file text. The error is a sentence fragment without the file name. */
export function parseProjectText(text: string): Result<ProjectFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return err(`it is not valid JSON (${(e as Error).message})`);
  }
  return validateProject(raw);
}

/** Validates (and migrates) an already-parsed file. */
export function validateProject(raw: unknown): Result<ProjectFile> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err('it is not a Gloss project (the top level is not an object)');
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== FORMAT) {
    return err(`it is not a Gloss project (format is ${JSON.stringify(record.format) ?? 'missing'}, expected "${FORMAT}")`);
  }
  const migrated = migrate(record);
  if (!migrated.ok) return migrated;
  const parsed = projectFileSchema.safeParse(migrated.value);
  if (!parsed.success) return err(firstIssue(parsed.error));
  const integrity = checkReferences(parsed.data);
  if (!integrity.ok) return integrity;
  return ok(parsed.data);
}

/**
 * The index of a code whose chain of parents comes back to itself, or null. A loop would
 * hide its codes from every tree (the codes pane, exports) while their codings stay.
 */
function parentLoop(codes: readonly { id: string; parentId: string | null }[]): number | null {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  /** Codes known to reach the top: their chains need no second walk. */
  const rooted = new Set<string>();
  for (const [i, code] of codes.entries()) {
    const seen = new Set<string>();
    let at: string | null = code.id;
    while (at !== null && !rooted.has(at)) {
      if (seen.has(at)) return i;
      seen.add(at);
      at = parentOf.get(at) ?? null;
    }
    for (const id of seen) rooted.add(id);
  }
  return null;
}

/** References between entities must resolve and offsets must lie inside their texts. */
function checkReferences(file: ProjectFile): Result<null> {
  const docs = new Map(file.documents.map((d) => [d.id, d]));
  const codes = new Set(file.codes.map((c) => c.id));
  for (const [i, code] of file.codes.entries()) {
    if (code.parentId !== null && !codes.has(code.parentId)) {
      return err(`codes[${i}].parentId: no code has id ${code.parentId}`);
    }
  }
  const loop = parentLoop(file.codes);
  if (loop !== null) return err(`codes[${loop}].parentId: its chain of parent codes runs in a loop`);
  for (const [i, coding] of file.codings.entries()) {
    const doc = docs.get(coding.documentId);
    if (!doc) return err(`codings[${i}].documentId: no document has id ${coding.documentId}`);
    if (!codes.has(coding.codeId)) return err(`codings[${i}].codeId: no code has id ${coding.codeId}`);
    if (coding.end > doc.text.length) {
      return err(`codings[${i}].end: ${coding.end} is past the end of its document (${doc.text.length} characters)`);
    }
  }
  return ok(null);
}
