/**
 * The project file, as one zod schema. This is the only definition of what a `.gloss`
 * file may hold; the types the rest of the code uses are inferred from it.
 *
 * Key order inside each object schema is the order keys are written to disk (zod emits
 * parsed objects in shape order), so keep new keys at the end of a shape.
 */
import { z } from 'zod';

export const FORMAT = 'gloss-project';
/** The schema version this build writes. Older files are migrated on open (see migrate.ts). */
export const CURRENT_VERSION = 1;

const id = z.string().min(1);
const time = z.string().min(1);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');

export const projectMetaSchema = z.object({
  name: z.string(),
  description: z.string(),
  createdAt: time,
  modifiedAt: time,
});

export const coderSchema = z.object({
  id,
  name: z.string().min(1),
  color,
});

/** A typed value of a variable; null means "no value". */
export const variableValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'it should be text, a number, true or false, or null',
});

/**
 * An object used as a dictionary, keyed by ids another tool or a hand edit may have spelt
 * any way. zod's own record assigns keys one by one onto a plain object, where the key
 * `__proto__` sets the prototype instead and is lost without a word; Object.fromEntries
 * defines every key as an own property, so every spelling survives load → save → load.
 */
function dictionary<T>(value: z.ZodType<T>) {
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'it should be an object' })
    .transform((object, ctx): Record<string, T> => {
      const entries: [string, T][] = [];
      for (const [key, raw] of Object.entries(object)) {
        const parsed = value.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
          return z.NEVER;
        }
        entries.push([key, parsed.data]);
      }
      return Object.fromEntries(entries);
    });
}

export const documentSourceSchema = z.object({
  fileName: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});

/**
 * Reading structure kept beside a document's plain text (headings, paragraphs, list items,
 * table cells, PDF pages, speaker turns, timestamps), as ranges into document.text, so the
 * reader can show it while offsets still refer to the plain text alone.
 */
export const structureRangeSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'table-cell', 'page', 'speaker', 'timestamp', 'quote']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Heading level 1–6, or list nesting depth. */
  level: z.number().int().min(1).max(9).optional(),
  /** Page number as printed, speaker name, timestamp text. */
  label: z.string().optional(),
});

export const documentSchema = z.object({
  id,
  name: z.string().min(1),
  text: z.string(),
  createdAt: time,
  source: documentSourceSchema.nullable(),
  /** Values of document variables, keyed by variable id. */
  attributes: dictionary(variableValueSchema),
  structure: z.array(structureRangeSchema).default([]),
});

/** How a search is asked: the text, and whether it is a regular expression, case-sensitive, whole words only. */
export const searchQuerySchema = z.object({
  text: z.string().max(10_000),
  regex: z.boolean(),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
});

/** What an auto-code widens each search hit to before coding it. */
export const autocodeScopeSchema = z.enum(['match', 'sentence', 'paragraph', 'speaker']);

/**
 * Where a coding came from when a person did not select its span by hand, so that it can
 * be audited and filtered: an auto-code of search hits (the query, the scope, and the
 * speaker whose turns were coded), or a suggestion the person accepted.
 */
export const codingOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('autocode'),
    query: searchQuerySchema,
    scope: autocodeScopeSchema,
    /** Set when the auto-code coded the turns of this speaker. */
    speaker: z.string().optional(),
    at: time,
  }),
  z.object({ kind: z.literal('suggestion'), score: z.number(), at: time }),
]);

/** A passage a person said does not belong to a code when it was suggested for it; not suggested again. */
export const dismissalSchema = z.object({
  documentId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The passage's text: how it is recognised again after the document's text was edited. */
  quote: z.string(),
  coderId: id,
  at: time,
});

export const codeSchema = z.object({
  id,
  name: z.string().min(1),
  color,
  description: z.string(),
  parentId: id.nullable(),
  /** false for a folder-like code that only groups others (REFI-QDA isCodable). */
  codable: z.boolean(),
  createdAt: time,
  /** Suggestions dismissed for this code ("more like this"); absent when there are none. */
  dismissed: z.array(dismissalSchema).optional(),
  /** Place among its siblings, set when a person reordered them; siblings without one follow, by name. */
  order: z.number().int().nonnegative().optional(),
});

export const codingSchema = z
  .object({
    id,
    documentId: id,
    codeId: id,
    coderId: id,
    /** UTF-16 code unit offsets into document.text; end is exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    createdAt: time,
    /**
     * Set when an edit of the document's text left this coding's quote nowhere to be found:
     * the span is a best guess that a person must check. Never cleared silently.
     */
    needsReview: z.boolean().default(false),
    /** Absent for a coding a person made by selecting text. */
    origin: codingOriginSchema.optional(),
  })
  .refine((c) => c.end > c.start, { message: 'end must be greater than start', path: ['end'] });

export const memoTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }),
  z.object({ kind: z.literal('document'), id }),
  z.object({ kind: z.literal('code'), id }),
  z.object({ kind: z.literal('coding'), id }),
]);

export const memoSchema = z.object({
  id,
  target: memoTargetSchema,
  title: z.string(),
  text: z.string(),
  coderId: id,
  createdAt: time,
  modifiedAt: time,
});

export const caseSchema = z.object({
  id,
  name: z.string().min(1),
  description: z.string(),
  documentIds: z.array(id),
  /** Values of case variables, keyed by variable id. */
  values: dictionary(variableValueSchema),
});

export const variableSchema = z.object({
  id,
  name: z.string().min(1),
  type: z.enum(['text', 'number', 'boolean', 'date']),
  description: z.string(),
  /** A text variable limited to a fixed list of choices (absent: any text). */
  choices: z.array(z.string().min(1)).optional(),
});

export const setSchema = z.object({
  id,
  name: z.string().min(1),
  description: z.string(),
  kind: z.enum(['documents', 'codes']),
  memberIds: z.array(id),
});

/**
 * A framework matrix cell's written summary: what a researcher makes of one case's (or one
 * document's) material on one code. One per cell; the op setSummary keeps it so.
 */
export const summarySchema = z.object({
  id,
  /** The matrix row: a case, or a document when the matrix has documents as rows. */
  row: z.object({ kind: z.enum(['case', 'document']), id }),
  codeId: id,
  text: z.string(),
  coderId: id,
  createdAt: time,
  modifiedAt: time,
});

/**
 * One line of the audit trail: who changed the project, when, with which operation, in one
 * line of words, and which codes and documents it touched (ids, at most a few each). Kept
 * short: a project coded for months gathers tens of thousands of them.
 */
export const auditEntrySchema = z.object({
  id,
  at: time,
  /** The coder's id, and their name as it was (the coder may never have coded, so not be in coders). */
  by: id,
  who: z.string(),
  /** The operation's type (applyCode, deleteCode…), or undo, redo, merge, restore. */
  op: z.string().min(1),
  text: z.string(),
  codes: z.array(id).optional(),
  docs: z.array(id).optional(),
  /** Set when the codings were made by an auto-code or an accepted suggestion, not selected by hand. */
  via: z.enum(['autocode', 'suggestion']).optional(),
});

export const projectFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive(),
  project: projectMetaSchema,
  coders: z.array(coderSchema),
  documents: z.array(documentSchema),
  codes: z.array(codeSchema),
  codings: z.array(codingSchema),
  memos: z.array(memoSchema),
  cases: z.array(caseSchema),
  variables: z.array(variableSchema),
  sets: z.array(setSchema),
  /** Added after version 1 was fixed: a file without it has no summaries. */
  summaries: z.array(summarySchema).default([]),
  /** The audit trail, oldest first (shared/ops/audit.ts); absent in a file that has none. */
  audit: z.array(auditEntrySchema).optional(),
});

export type ProjectMeta = z.infer<typeof projectMetaSchema>;
export type Coder = z.infer<typeof coderSchema>;
export type VariableValue = z.infer<typeof variableValueSchema>;
export type DocumentSource = z.infer<typeof documentSourceSchema>;
export type StructureRange = z.infer<typeof structureRangeSchema>;
export type GlossDocument = z.infer<typeof documentSchema>;
export type Code = z.infer<typeof codeSchema>;
export type Coding = z.infer<typeof codingSchema>;
export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type AutocodeScope = z.infer<typeof autocodeScopeSchema>;
export type CodingOrigin = z.infer<typeof codingOriginSchema>;
export type Dismissal = z.infer<typeof dismissalSchema>;
export type MemoTarget = z.infer<typeof memoTargetSchema>;
export type Memo = z.infer<typeof memoSchema>;
export type Case = z.infer<typeof caseSchema>;
export type Variable = z.infer<typeof variableSchema>;
export type GlossSet = z.infer<typeof setSchema>;
export type Summary = z.infer<typeof summarySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type SummaryRow = Summary['row'];
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** The entity collections of a project, by the key they have in the file. */
export interface Entities {
  coders: Coder;
  documents: GlossDocument;
  codes: Code;
  codings: Coding;
  memos: Memo;
  cases: Case;
  variables: Variable;
  sets: GlossSet;
  summaries: Summary;
}
export type Table = keyof Entities;
export const TABLES: readonly Table[] = [
  'coders',
  'documents',
  'codes',
  'codings',
  'memos',
  'cases',
  'variables',
  'sets',
  'summaries',
];

/** Per-table schemas, used to validate and normalise entities created at run time. */
export const entitySchemas: { [T in Table]: z.ZodType<Entities[T]> } = {
  coders: coderSchema,
  documents: documentSchema,
  codes: codeSchema,
  codings: codingSchema,
  memos: memoSchema,
  cases: caseSchema,
  variables: variableSchema,
  sets: setSchema,
  summaries: summarySchema,
};
