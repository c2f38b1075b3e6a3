/**
 * What a person does with a "more like this" suggestion: accept it (a coding of theirs that
 * records it came from a suggestion, with its score) or dismiss it (remembered on the code,
 * so it is not suggested again). Each is one undoable step.
 */
import { z } from 'zod';
import type { Coding, Dismissal } from '../model/schema';
import type { ProjectState } from '../model/state';
import { quoteAt, splitsSurrogatePair } from '../text/quote';
import { err, ok, type Result } from '../result';
import type { PlanContext, Planned } from './plan';
import { coderPatches } from './coder';

const id = z.string().min(1);
const offset = z.number().int().nonnegative();

export const acceptSuggestionSchema = z.object({
  type: z.literal('acceptSuggestion'),
  codeId: id,
  documentId: id,
  start: offset,
  end: offset,
  score: z.number().finite(),
});

export const dismissSuggestionSchema = z.object({
  type: z.literal('dismissSuggestion'),
  codeId: id,
  documentId: id,
  start: offset,
  end: offset,
});

type Span = { codeId: string; documentId: string; start: number; end: number };

function check(state: ProjectState, request: Span): Result<{ text: string }> {
  const code = state.codes.get(request.codeId);
  if (!code) return err(`there is no code with id ${request.codeId}`);
  const doc = state.documents.get(request.documentId);
  if (!doc) return err(`there is no document with id ${request.documentId}`);
  if (request.end <= request.start) return err('the suggested passage is empty');
  if (request.end > doc.text.length) return err(`the passage ${request.start}–${request.end} is past the end of “${doc.name}” (${doc.text.length} characters)`);
  if (splitsSurrogatePair(doc.text, request.start) || splitsSurrogatePair(doc.text, request.end)) return err('the passage would split a character in two');
  return ok({ text: doc.text });
}

/** Codes the suggested passage with the code, as the coder, recording the suggestion's score. */
export function planAcceptSuggestion(state: ProjectState, request: z.infer<typeof acceptSuggestionSchema>, ctx: PlanContext): Result<Planned> {
  const checked = check(state, request);
  if (!checked.ok) return checked;
  const code = state.codes.get(request.codeId)!;
  if (!code.codable) return err(`“${code.name}” is a folder of codes and cannot be applied to text`);
  const coding: Coding = {
    id: ctx.newId(),
    documentId: request.documentId,
    codeId: code.id,
    coderId: ctx.coder.id,
    start: request.start,
    end: request.end,
    ...quoteAt(checked.value.text, request.start, request.end),
    createdAt: ctx.now,
    needsReview: false,
    origin: { kind: 'suggestion', score: request.score, at: ctx.now },
  };
  return ok({
    label: `Accept suggestion for “${code.name}”`,
    change: { patches: [...coderPatches(state, ctx.coder), { table: 'codings', op: 'put', value: coding }] },
    created: { codingId: coding.id },
  });
}

/** Remembers on the code that the passage does not belong to it. */
export function planDismissSuggestion(state: ProjectState, request: z.infer<typeof dismissSuggestionSchema>, ctx: PlanContext): Result<Planned> {
  const checked = check(state, request);
  if (!checked.ok) return checked;
  const code = state.codes.get(request.codeId)!;
  const dismissed = code.dismissed ?? [];
  const label = `Dismiss suggestion for “${code.name}”`;
  if (dismissed.some((d) => d.documentId === request.documentId && d.start === request.start && d.end === request.end)) {
    return ok({ label, change: { patches: [] }, created: {} });
  }
  const dismissal: Dismissal = {
    documentId: request.documentId,
    start: request.start,
    end: request.end,
    quote: checked.value.text.slice(request.start, request.end),
    coderId: ctx.coder.id,
    at: ctx.now,
  };
  return ok({
    label,
    change: { patches: [...coderPatches(state, ctx.coder), { table: 'codes', op: 'put', value: { ...code, dismissed: [...dismissed, dismissal] } }] },
    created: {},
  });
}
