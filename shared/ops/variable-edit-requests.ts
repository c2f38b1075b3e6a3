/**
 * The requests that change variables, cases and sets after they are made (planned in
 * variable-edits.ts): kept apart from requests.ts so that table stays a list.
 */
import { z } from 'zod';
import { variableSchema } from '../model/schema';

const id = z.string().min(1);
const name = z.string().trim().min(1, 'a name cannot be empty').max(500);
const ids = z.array(id).max(100_000);

export const variableEditSchemas = [
  /** Rename a variable, change its type or its list of choices (null: any text); refused when a value would no longer fit. */
  z.object({ type: z.literal('editVariable'), variableId: id, name: name.optional(), variableType: variableSchema.shape.type.optional(), choices: z.array(z.string()).max(1000).nullable().optional() }),
  /** Delete a variable and every value of it. */
  z.object({ type: z.literal('deleteVariable'), variableId: id }),
  z.object({ type: z.literal('renameCase'), caseId: id, name }),
  z.object({ type: z.literal('removeFromCase'), caseId: id, documentIds: ids.min(1) }),
  /** Delete a case (its documents stay). */
  z.object({ type: z.literal('deleteCase'), caseId: id }),
  z.object({ type: z.literal('createSet'), name, kind: z.enum(['documents', 'codes']), memberIds: ids }),
  /** Rename a set, add members to it or take them out. */
  z.object({ type: z.literal('editSet'), setId: id, name: name.optional(), add: ids.optional(), remove: ids.optional() }),
  /** Delete a set (its members stay). */
  z.object({ type: z.literal('deleteSet'), setId: id }),
] as const;
