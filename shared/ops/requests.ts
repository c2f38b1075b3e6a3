/**
 * Every change a user can make to a project, as a validated request. The main process
 * checks each incoming request against this schema before planning it.
 */
import { z } from 'zod';
import { variableEditSchemas } from './variable-edit-requests';
import { memoTargetSchema, structureRangeSchema, variableSchema, variableValueSchema } from '../model/schema';
import { incomingCodebookSchema } from '../formats/codebook/schema';
import { autocodeRequestSchema } from './autocode';
import { acceptSuggestionSchema, dismissSuggestionSchema } from './suggestion-ops';
import { storeSpeakersSchema } from './speaker-ops';
import { placeCodeSchema } from './place-code';

const id = z.string().min(1);
const name = z.string().trim().min(1, 'a name cannot be empty').max(500);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const offset = z.number().int().nonnegative();

export const importedDocumentSchema = z.object({
  name,
  text: z.string(),
  source: z
    .object({ fileName: z.string(), type: z.string(), size: z.number().int().nonnegative(), sha256: z.string() })
    .nullable(),
  structure: z.array(structureRangeSchema).optional(),
});

/**
 * Replace every whole-word occurrence of a name with a placeholder, in one document or all
 * of them. Also the payload of the read-only preview, so the UI asks both the same way.
 */
export const anonymiseRequestSchema = z.object({
  type: z.literal('anonymise'),
  name: z.string().trim().min(1, 'name the word to replace').max(500),
  placeholder: z.string().min(1, 'the placeholder cannot be empty').max(500),
  /** One document; all documents when absent. */
  documentId: id.optional(),
  caseSensitive: z.boolean(),
  /** Only whole words for now: a name inside a longer word ("Sarahs", "Annabel") is left alone. */
  wholeWord: z.literal(true),
});

export const opRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('createCode'), name, color: color.optional(), parentId: id.nullable().optional(), description: z.string().optional() }),
  z.object({ type: z.literal('renameCode'), codeId: id, name }),
  z.object({ type: z.literal('recolorCode'), codeId: id, color }),
  z.object({ type: z.literal('describeCode'), codeId: id, description: z.string() }),
  z.object({ type: z.literal('deleteCode'), codeId: id }),
  z.object({ type: z.literal('moveCode'), codeId: id, parentId: id.nullable() }),
  /** Move a code under a parent and to a place among its siblings (drag between rows, Move up/down). */
  placeCodeSchema,
  z.object({ type: z.literal('mergeCodes'), sourceId: id, targetId: id }),
  z.object({ type: z.literal('addDocuments'), documents: z.array(importedDocumentSchema).min(1) }),
  z.object({ type: z.literal('renameDocument'), documentId: id, name }),
  z.object({ type: z.literal('deleteDocument'), documentId: id }),
  z.object({
    type: z.literal('applyCode'),
    documentId: id,
    start: offset,
    end: offset,
    /** An existing code, or the name of a new code to create in the same step. */
    codeId: id.optional(),
    newCodeName: name.optional(),
    /** Where the new code goes (the picker's "Parent > child"); top level when absent. */
    newCodeParentId: id.optional(),
  }),
  z.object({ type: z.literal('removeCoding'), codingId: id }),
  z.object({ type: z.literal('addMemo'), target: memoTargetSchema, title: z.string().max(500), text: z.string() }),
  z.object({ type: z.literal('editMemo'), memoId: id, title: z.string().max(500).optional(), text: z.string().optional() }),
  z.object({ type: z.literal('deleteMemo'), memoId: id }),
  z.object({ type: z.literal('renameProject'), name }),
  /** Replace a document's text; codings are re-anchored to it. CRLF becomes LF. */
  z.object({ type: z.literal('editDocumentText'), documentId: id, text: z.string() }),
  anonymiseRequestSchema,
  /** A person checked a coding flagged after an edit: keep it (optionally on a corrected span). */
  z.object({ type: z.literal('resolveReview'), codingId: id, start: offset.optional(), end: offset.optional() }),
  /** Add a codebook read from a .qdc or codebook CSV: codes matched by GUID, then by path (formats/codebook/match.ts). */
  z.object({ type: z.literal('importCodebook'), codebook: incomingCodebookSchema }),
  /** Mend every problem the project check reports that can be mended without loss (shared/ops/repair-project.ts). */
  z.object({ type: z.literal('repairProject') }),
  /** Code the hits of a search (or a speaker's turns), widened to a scope, as one step (shared/ops/autocode.ts). */
  autocodeRequestSchema,
  /** Code a "more like this" suggestion, or remember that it does not belong to the code (shared/ops/suggestion-ops.ts). */
  acceptSuggestionSchema,
  dismissSuggestionSchema,
  /** Keep the speaker turns read from labels as the documents' speaker structure (shared/ops/speaker-ops.ts). */
  storeSpeakersSchema,
  z.object({ type: z.literal('createVariable'), name, variableType: variableSchema.shape.type, description: z.string().optional(), choices: z.array(z.string()).max(1000).optional() }),
  /** Rename, retype, describe a variable or change its choices; delete it; cases and sets (shared/ops/variable-edits.ts). */
  ...variableEditSchemas,
  /**
   * A document's or case's value of a variable (null: no value). An existing variable, or the
   * name of one to find or create (as text) in the same step. The value must fit the type.
   */
  z.object({
    type: z.literal('setValue'),
    target: z.object({ kind: z.enum(['document', 'case']), id }),
    variableId: id.optional(),
    newVariableName: name.optional(),
    value: variableValueSchema,
  }),
  z.object({ type: z.literal('createCase'), name, documentIds: z.array(id).max(100_000), description: z.string().optional() }),
  z.object({ type: z.literal('addToCase'), caseId: id, documentIds: z.array(id).min(1).max(100_000) }),
  /** Write, rewrite or (with empty text) clear the summary of one framework matrix cell. */
  z.object({ type: z.literal('setSummary'), row: z.object({ kind: z.enum(['case', 'document']), id }), codeId: id, text: z.string().max(1_000_000) }),
  /** Move codings to an existing code, or to a new one created in the same step (splitting a code). */
  /** Values of variables from a spreadsheet (shared/ops/values-import.ts): cells as text, read as each variable's type. */
  z.object({
    type: z.literal('importValues'),
    kind: z.enum(['document', 'case']),
    variables: z.array(name).min(1).max(1000),
    rows: z.array(z.object({ id, line: z.number().int().positive(), cells: z.array(z.string()) })).max(100_000),
  }),
  z.object({ type: z.literal('moveCodings'), codingIds: z.array(id).min(1).max(100_000), codeId: id.optional(), newCodeName: name.optional(), parentId: id.nullable().optional() }),
]);

export type OpRequest = z.infer<typeof opRequestSchema>;
export type OpType = OpRequest['type'];
export type AnonymiseRequest = z.infer<typeof anonymiseRequestSchema>;
export type EditDocumentTextRequest = Extract<OpRequest, { type: 'editDocumentText' }>;
export type ImportedDocument = z.infer<typeof importedDocumentSchema>;
