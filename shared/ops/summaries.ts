/**
 * Framework matrix summaries: one per cell (a case or document, and a code). Setting a
 * cell's text writes or rewrites its summary; setting it to nothing (only white space)
 * clears it. Who wrote last and when are kept with it.
 */
import type { Summary, SummaryRow } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { cellKey } from '../merge/summaries';
import { err, ok, type Result } from '../result';
import { coderPatches } from './coder';
import type { PlanContext, Planned } from './plan';
import type { OpRequest } from './requests';

type SetSummary = Extract<OpRequest, { type: 'setSummary' }>;

/** The summary of a cell, if it has one (the one changed last, should a hand edit have left two). */
export function summaryOf(state: Pick<ProjectState, 'summaries'>, row: SummaryRow, codeId: string): Summary | undefined {
  const key = cellKey({ row, codeId });
  let found: Summary | undefined;
  for (const s of state.summaries.values()) {
    if (cellKey(s) === key && (!found || s.modifiedAt > found.modifiedAt)) found = s;
  }
  return found;
}

/** Plans setSummary. */
export function planSetSummary(state: ProjectState, request: SetSummary, ctx: PlanContext): Result<Planned> {
  const { row, codeId } = request;
  const rowName = row.kind === 'case' ? state.cases.get(row.id)?.name : state.documents.get(row.id)?.name;
  if (rowName === undefined) return err(`there is no ${row.kind} with id ${row.id}`);
  const code = state.codes.get(codeId);
  if (!code) return err(`there is no code with id ${codeId}`);
  const existing = summaryOf(state, row, codeId);
  const where = `“${rowName}” × “${code.name}”`;
  if (request.text.trim() === '') {
    if (!existing) return ok({ label: `Clear summary of ${where}`, change: { patches: [] }, created: {} });
    return ok({ label: `Clear summary of ${where}`, change: { patches: [{ table: 'summaries', op: 'del', id: existing.id }] }, created: {} });
  }
  if (existing?.text === request.text) return ok({ label: `Edit summary of ${where}`, change: { patches: [] }, created: { summaryId: existing.id } });
  const value: Summary = existing
    ? { ...existing, text: request.text, coderId: ctx.coder.id, modifiedAt: ctx.now }
    : { id: ctx.newId(), row: { kind: row.kind, id: row.id }, codeId, text: request.text, coderId: ctx.coder.id, createdAt: ctx.now, modifiedAt: ctx.now };
  const patches: Patch[] = [...coderPatches(state, ctx.coder), { table: 'summaries', op: 'put', value }];
  return ok({ label: `${existing ? 'Edit' : 'Write'} summary of ${where}`, change: { patches }, created: { summaryId: value.id } });
}

/** Patches deleting every summary on one of the given documents (as rows) or codes: a deleted document or code takes its summaries with it. */
export function deleteSummariesPatches(state: ProjectState, on: { documentIds?: ReadonlySet<string>; codeIds?: ReadonlySet<string> }): Patch[] {
  const patches: Patch[] = [];
  for (const s of state.summaries.values()) {
    const row = s.row.kind === 'document' && on.documentIds?.has(s.row.id);
    if (row || on.codeIds?.has(s.codeId)) patches.push({ table: 'summaries', op: 'del', id: s.id });
  }
  return patches;
}

/**
 * Patches moving the summaries of code `sourceId` to `targetId` (merging codes). Where the
 * target already has a summary for the row, the source's words are added below its own,
 * so nothing written is lost.
 */
export function moveSummariesPatches(state: ProjectState, sourceId: string, targetId: string): Patch[] {
  const patches: Patch[] = [];
  /** Target summaries already given more words, by id, so a second addition builds on the first. */
  const grown = new Map<string, Summary>();
  for (const s of state.summaries.values()) {
    if (s.codeId !== sourceId) continue;
    const found = summaryOf(state, s.row, targetId);
    const there = found && (grown.get(found.id) ?? found);
    if (there) {
      const value = { ...there, text: `${there.text}\n\n${s.text}` };
      grown.set(there.id, value);
      patches.push({ table: 'summaries', op: 'put', value }, { table: 'summaries', op: 'del', id: s.id });
    } else {
      patches.push({ table: 'summaries', op: 'put', value: { ...s, codeId: targetId } });
    }
  }
  return patches;
}
