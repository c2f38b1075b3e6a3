/**
 * Turning the bytes or text of a `.gloss` file into a validated ProjectFile, with messages
 * that name the problem and where in the JSON it is. What cannot be kept whole is refused:
 * invalid UTF-8, a schema error, a newer format, duplicate ids, and the blocking problems of
 * the project check (check-project.ts). Everything else opens and is reported by that check.
 */
import type { z } from 'zod';
import { FORMAT, projectFileSchema, type ProjectFile } from './schema';
import { migrate } from './migrate';
import { checkProject, describeBlocking, describeDuplicate, findDuplicateIds } from './check-project';
import { decodeProjectBytes } from './project-bytes';
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

/** What a value is, in words: "a number", "a list", "nothing" (null). */
function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fraction';
  return `a ${typeof value === 'boolean' ? 'true/false value' : typeof value}`;
}

const EXPECTED: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', array: 'a list', object: 'an object' };

/**
 * zod's wording for a wrong type ("Invalid input: expected string, received undefined") in
 * plain words: a missing key says it is missing. Other issues keep zod's message.
 */
function plainTypeError(issue: { code?: string; expected?: unknown; input?: unknown }): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
  return issue.input === undefined ? `missing (it should be ${expected})` : `it should be ${expected}, not ${kindOf(issue.input)}`;
}

/** Problems named in one refusal; the rest are counted. Five is a screenful and shows a pattern. */
const SHOWN = 5;

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
  const parsed = projectFileSchema.safeParse(migrated.value, { error: plainTypeError });
  if (!parsed.success) return err(firstIssue(parsed.error));
  // Before any reference is followed: with two entities under one id, the first save would
  // keep one of them and a coding could land on the other document's text.
  const duplicates = findDuplicateIds(parsed.data);
  if (duplicates.length > 0) {
    const listed = duplicates.slice(0, SHOWN).map(describeDuplicate);
    if (duplicates.length > SHOWN) listed.push(`and ${duplicates.length - SHOWN} more repeated ids`);
    return err(listed.join('; '));
  }
  const blocking = describeBlocking(checkProject(parsed.data).problems, SHOWN);
  if (blocking !== null) return err(blocking);
  return ok(parsed.data);
}

/** Decodes (strict UTF-8), parses and validates the bytes of a project file. */
export function parseProjectBytes(bytes: Uint8Array): Result<ProjectFile> {
  const text = decodeProjectBytes(bytes);
  return text.ok ? parseProjectText(text.value) : text;
}
