/**
 * The auto-code operation: code the hits of a search (or a speaker's turns), each widened
 * to its scope, with one code, as ONE undoable Change: the new code (if any), the coder and
 * every coding. The preview (what the CLI's --dry-run and the UI's confirmation show) is
 * computed by the same function, so the step does exactly what the person was shown.
 */
import { z } from 'zod';
import { autocodeScopeSchema, searchQuerySchema, type Code, type Coding } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { autocodeHits, planPassages, type AutocodePlan } from '../analysis/autocode';
import { describeProblem } from '../analysis/search-query';
import { quoteAt } from '../text/quote';
import { colorForIndex } from '../model/colors';
import { err, ok, type Result } from '../result';
import { newCode, siblingNameTaken, type PlanContext, type Planned } from './plan';
import { coderPatches } from './coder';

const id = z.string().min(1);
const name = z.string().trim().min(1, 'a name cannot be empty').max(500);
const offset = z.number().int().nonnegative();
const passageSchema = z.object({ documentId: id, start: offset, end: offset });

/** Where project search looks: the fields of SearchScope (shared/analysis/search.ts). */
export const searchScopeSchema = z.object({
  documentIds: z.array(id).max(100_000).optional(),
  setIds: z.array(id).max(10_000).optional(),
  variable: z.object({ variableId: id, values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(10_000) }).optional(),
  insideCode: z.object({ codeId: id, withSubcodes: z.boolean() }).optional(),
  uncodedOnly: z.boolean().optional(),
});

export const autocodeRequestSchema = z.object({
  type: z.literal('autocode'),
  /** The query; its text may be empty only with a speaker (then every turn of theirs is a hit). */
  query: searchQuerySchema,
  scope: autocodeScopeSchema,
  where: searchScopeSchema.optional(),
  speaker: z.string().trim().min(1).max(500).optional(),
  /** An existing code … */
  codeId: id.optional(),
  /** … or new codes to create, outermost first, under `parentId` (null: at the top); the last is applied. */
  newCode: z.object({ names: z.array(name).min(1).max(20), parentId: id.nullable() }).optional(),
  /** Only these hits (the selection in the results list); every hit when absent. */
  only: z.array(passageSchema).max(1_000_000).optional(),
});

export type AutocodeRequest = z.infer<typeof autocodeRequestSchema>;

/** What an auto-code would do, for the preview: the plan's counts and the code it would apply. */
export interface AutocodePreview extends Omit<AutocodePlan, 'passages'> {
  /** Codings it would create (one per passage). */
  created: number;
  /** The code's name (the last new name when it creates the code). */
  codeName: string;
}

function withoutPassages(plan: AutocodePlan, codeName: string): AutocodePreview {
  const { passages, ...counts } = plan;
  return { ...counts, created: passages.length, codeName };
}

/** The code to apply, or the codes to create for it; checked against the project. */
function target(state: ProjectState, request: AutocodeRequest): Result<{ code: Code | null; names: string[]; parentId: string | null }> {
  if (request.codeId !== undefined) {
    if (request.newCode) return err('give either an existing code or a new one, not both');
    const code = state.codes.get(request.codeId);
    if (!code) return err(`there is no code with id ${request.codeId}`);
    if (!code.codable) return err(`“${code.name}” is a folder of codes and cannot be applied to text`);
    return ok({ code, names: [], parentId: code.parentId });
  }
  if (!request.newCode) return err('name a code to apply');
  const { names, parentId } = request.newCode;
  if (parentId !== null && !state.codes.has(parentId)) return err(`there is no parent code with id ${parentId}`);
  if (siblingNameTaken(state, parentId, names[0]!)) return err(`a code named “${names[0]!.trim()}” already exists there`);
  return ok({ code: null, names, parentId });
}

/** The hits and passages of `request` for `coderId`; a bad query or unknown speaker says why. */
function plan(state: ProjectState, request: AutocodeRequest, coderId: string, codeId: string | null): Result<AutocodePlan> {
  if (request.query.text === '' && request.speaker === undefined) return err('the search is empty; type what to look for');
  const hits = autocodeHits(state, request);
  if (!hits.ok) return err(hits.error.index === undefined ? hits.error.message : describeProblem(request.query, hits.error));
  return ok(planPassages(state, hits.value, request.scope, codeId, coderId));
}

/** What `request` would do if `coderId` ran it; changes nothing. */
export function previewAutocode(state: ProjectState, request: AutocodeRequest, coderId: string): Result<AutocodePreview> {
  const found = target(state, request);
  if (!found.ok) return found;
  const planned = plan(state, request, coderId, found.value.code?.id ?? null);
  if (!planned.ok) return planned;
  return ok(withoutPassages(planned.value, found.value.code?.name ?? found.value.names.at(-1)!.trim()));
}

/** Plans the auto-code as one Change; `report` carries nothing, `created.codeId` the new code when one was made. */
export function planAutocode(state: ProjectState, request: AutocodeRequest, ctx: PlanContext): Result<Planned & { preview: AutocodePreview }> {
  const found = target(state, request);
  if (!found.ok) return found;
  const planned = plan(state, request, ctx.coder.id, found.value.code?.id ?? null);
  if (!planned.ok) return planned;
  const patches: Patch[] = [];
  let code = found.value.code;
  let parentId = found.value.parentId;
  let createdCode: string | undefined;
  for (const [i, name] of found.value.names.entries()) {
    // Each new code gets the colour createCode would give it, one after the other.
    code = newCode(state, ctx, name, parentId, colorForIndex(state.codes.size + i));
    patches.push({ table: 'codes', op: 'put', value: code });
    parentId = code.id;
    createdCode ??= code.id;
  }
  const preview = withoutPassages(planned.value, code!.name);
  const origin = {
    kind: 'autocode' as const,
    query: request.query,
    scope: request.scope,
    ...(request.speaker !== undefined ? { speaker: request.speaker } : {}),
    at: ctx.now,
  };
  const codings: Patch[] = planned.value.passages.map(({ documentId, start, end }) => {
    const text = state.documents.get(documentId)!.text;
    const coding: Coding = {
      id: ctx.newId(),
      documentId,
      codeId: code!.id,
      coderId: ctx.coder.id,
      start,
      end,
      ...quoteAt(text, start, end),
      createdAt: ctx.now,
      needsReview: false,
      origin,
    };
    return { table: 'codings', op: 'put', value: coding };
  });
  if (codings.length > 0) patches.push(...coderPatches(state, ctx.coder));
  patches.push(...codings);
  const what = request.speaker !== undefined && request.query.text === '' ? `turns of ${request.speaker}` : `“${request.query.text.length > 40 ? `${request.query.text.slice(0, 39)}…` : request.query.text}”`;
  return ok({
    label: `Auto-code ${what} with “${code!.name}” (${codings.length === 1 ? '1 coding' : `${codings.length} codings`})`,
    change: { patches },
    created: createdCode ? { codeId: createdCode } : {},
    preview,
  });
}
