/**
 * Planning an operation: a pure function of (state, request) that returns the Change to
 * apply, or a message saying why the request cannot be carried out. Nothing here mutates
 * the state; the inverse is derived generically by invertChange before applying.
 */
import type { Code, Coder, Coding, Memo, MemoTarget } from '../model/schema';
import type { Change, Patch, ProjectState } from '../model/state';
import { colorForIndex } from '../model/colors';
import { descendantIds } from '../model/codes';
import { quoteAt, splitsSurrogatePair } from '../text/quote';
import { normalizeNewlines } from '../import/decode-text';
import { err, ok, type Result } from '../result';
import type { OpRequest } from './requests';
import { planAnonymise, planEditDocumentText, type EditReport } from './edit-text';
import { matchCodebook } from '../formats/codebook/match';
import { planRepair } from './repair-project';
import { DocumentNames } from './document-names';
import { planAutocode } from './autocode';
import { planAcceptSuggestion, planDismissSuggestion } from './suggestion-ops';
import { planStoreSpeakers } from './speaker-ops';
import { coderPatches } from './coder';
import { planCreateVariable, planSetValue } from './variables';
import { planAddToCase, planCreateCase } from './cases';
import { deleteSummariesPatches, moveSummariesPatches, planSetSummary } from './summaries';
import { planMoveCodings } from './move-codings';
import { planImportValues } from './values-import';
import { planVariableEdit } from './variable-edits';
import { planPlaceCode } from './place-code';

export interface PlanContext {
  /** ISO time of the operation. */
  now: string;
  newId: () => string;
  /** Who is making the change; added to the project's coders on first use. */
  coder: Coder;
}

export interface Planned {
  /** A short description for undo/redo menus, e.g. "Apply code “training gaps”". */
  label: string;
  change: Change;
  /** Ids of entities the operation created, for the caller to select or report. */
  created: { codeId?: string; codingId?: string; memoId?: string; documentIds?: string[]; variableId?: string; caseId?: string; summaryId?: string; setId?: string };
  /** For operations that change a document's text: what happened to its codings. */
  report?: EditReport;
}

const put = <P extends Patch>(patch: P): P => patch;

function needCode(state: ProjectState, codeId: string): Result<Code> {
  const code = state.codes.get(codeId);
  return code ? ok(code) : err(`there is no code with id ${codeId}`);
}


/** Whether a sibling under `parentId` already has `name` (in any case). */
export function siblingNameTaken(state: ProjectState, parentId: string | null, name: string, exceptId?: string): boolean {
  const lower = name.trim().toLocaleLowerCase();
  for (const code of state.codes.values()) {
    if (code.id !== exceptId && code.parentId === parentId && code.name.toLocaleLowerCase() === lower) return true;
  }
  return false;
}

/** Memos attached to any of the given targets. */
function memosOn(state: ProjectState, kind: MemoTarget['kind'], ids: Set<string>): Memo[] {
  const out: Memo[] = [];
  for (const memo of state.memos.values()) {
    if (memo.target.kind === kind && 'id' in memo.target && ids.has(memo.target.id)) out.push(memo);
  }
  return out;
}

function deleteCodingsPatches(state: ProjectState, codingIds: Iterable<string>): Patch[] {
  const ids = new Set(codingIds);
  const patches: Patch[] = [];
  for (const memo of memosOn(state, 'coding', ids)) patches.push({ table: 'memos', op: 'del', id: memo.id });
  for (const id of ids) patches.push({ table: 'codings', op: 'del', id });
  return patches;
}

/** A new codable code, coloured by how many codes the project has. */
export function newCode(state: ProjectState, ctx: PlanContext, name: string, parentId: string | null, color?: string, description = ''): Code {
  return {
    id: ctx.newId(),
    name: name.trim(),
    color: (color ?? colorForIndex(state.codes.size)).toLowerCase(),
    description,
    parentId,
    codable: true,
    createdAt: ctx.now,
  };
}

function sameSpan(a: Coding, b: { codeId: string; coderId: string; start: number; end: number }): boolean {
  return a.codeId === b.codeId && a.coderId === b.coderId && a.start === b.start && a.end === b.end;
}

function withoutOrder(code: Code): Code {
  const { order: _order, ...rest } = code;
  return rest;
}

/** Plans `request` against `state`. */
export function planOp(state: ProjectState, request: OpRequest, ctx: PlanContext): Result<Planned> {
  switch (request.type) {
    case 'createCode': {
      const parentId = request.parentId ?? null;
      if (parentId !== null && !state.codes.has(parentId)) return err(`there is no parent code with id ${parentId}`);
      if (siblingNameTaken(state, parentId, request.name)) return err(`a code named “${request.name.trim()}” already exists there`);
      const code = newCode(state, ctx, request.name, parentId, request.color, request.description);
      return ok({
        label: `Create code “${code.name}”`,
        change: { patches: [{ table: 'codes', op: 'put', value: code }] },
        created: { codeId: code.id },
      });
    }
    case 'renameCode': {
      const code = needCode(state, request.codeId);
      if (!code.ok) return code;
      const name = request.name.trim();
      if (siblingNameTaken(state, code.value.parentId, name, code.value.id)) return err(`a code named “${name}” already exists there`);
      return ok({
        label: `Rename code “${code.value.name}” to “${name}”`,
        change: { patches: [{ table: 'codes', op: 'put', value: { ...code.value, name } }] },
        created: {},
      });
    }
    case 'recolorCode': {
      const code = needCode(state, request.codeId);
      if (!code.ok) return code;
      return ok({
        label: `Recolour code “${code.value.name}”`,
        change: { patches: [{ table: 'codes', op: 'put', value: { ...code.value, color: request.color.toLowerCase() } }] },
        created: {},
      });
    }
    case 'describeCode': {
      const code = needCode(state, request.codeId);
      if (!code.ok) return code;
      return ok({
        label: `Describe code “${code.value.name}”`,
        change: { patches: [{ table: 'codes', op: 'put', value: { ...code.value, description: request.description } }] },
        created: {},
      });
    }
    case 'deleteCode': {
      const code = needCode(state, request.codeId);
      if (!code.ok) return code;
      const ids = descendantIds(state, code.value.id);
      const patches: Patch[] = [];
      for (const codeId of ids) {
        patches.push(...deleteCodingsPatches(state, state.codingsByCode.get(codeId) ?? []));
      }
      for (const memo of memosOn(state, 'code', new Set(ids))) patches.push({ table: 'memos', op: 'del', id: memo.id });
      patches.push(...deleteSummariesPatches(state, { codeIds: new Set(ids) }));
      for (const codeId of ids) patches.push({ table: 'codes', op: 'del', id: codeId });
      return ok({ label: `Delete code “${code.value.name}”`, change: { patches }, created: {} });
    }
    case 'moveCode': {
      const code = needCode(state, request.codeId);
      if (!code.ok) return code;
      if (request.parentId !== null) {
        if (!state.codes.has(request.parentId)) return err(`there is no parent code with id ${request.parentId}`);
        if (descendantIds(state, code.value.id).includes(request.parentId)) {
          return err(`“${code.value.name}” cannot be moved under itself or one of its own sub-codes`);
        }
      }
      if (siblingNameTaken(state, request.parentId, code.value.name, code.value.id)) {
        return err(`a code named “${code.value.name}” already exists there`);
      }
      return ok({
        label: `Move code “${code.value.name}”`,
        // Its place among its old siblings means nothing among the new ones: it goes in by name.
        change: { patches: [{ table: 'codes', op: 'put', value: { ...withoutOrder(code.value), parentId: request.parentId } }] },
        created: {},
      });
    }
    case 'placeCode':
      return planPlaceCode(state, request, (parentId, name, exceptId) => siblingNameTaken(state, parentId, name, exceptId));
    case 'mergeCodes': {
      const source = needCode(state, request.sourceId);
      if (!source.ok) return source;
      const target = needCode(state, request.targetId);
      if (!target.ok) return target;
      if (source.value.id === target.value.id) return err('a code cannot be merged into itself');
      if (descendantIds(state, source.value.id).includes(target.value.id)) {
        return err(`“${source.value.name}” cannot be merged into one of its own sub-codes`);
      }
      const patches: Patch[] = [];
      const targetCodings = [...(state.codingsByCode.get(target.value.id) ?? [])].map((id) => state.codings.get(id)!);
      for (const codingId of state.codingsByCode.get(source.value.id) ?? []) {
        const coding = state.codings.get(codingId)!;
        const moved = { ...coding, codeId: target.value.id };
        // The same span by the same coder is already coded with the target: keep one coding.
        if (targetCodings.some((t) => t.documentId === coding.documentId && sameSpan(t, moved))) {
          patches.push(...deleteCodingsPatches(state, [coding.id]));
        } else {
          patches.push({ table: 'codings', op: 'put', value: moved });
        }
      }
      for (const code of state.codes.values()) {
        if (code.parentId === source.value.id) patches.push({ table: 'codes', op: 'put', value: { ...code, parentId: target.value.id } });
      }
      for (const memo of memosOn(state, 'code', new Set([source.value.id]))) {
        patches.push({ table: 'memos', op: 'put', value: { ...memo, target: { kind: 'code', id: target.value.id } } });
      }
      patches.push(...moveSummariesPatches(state, source.value.id, target.value.id));
      if (source.value.description && !target.value.description.includes(source.value.description)) {
        const description = [target.value.description, source.value.description].filter(Boolean).join('\n\n');
        patches.push({ table: 'codes', op: 'put', value: { ...target.value, description } });
      }
      patches.push({ table: 'codes', op: 'del', id: source.value.id });
      return ok({ label: `Merge “${source.value.name}” into “${target.value.name}”`, change: { patches }, created: {} });
    }
    case 'addDocuments': {
      const patches: Patch[] = [];
      const documentIds: string[] = [];
      const names = new DocumentNames(state.documents.values());
      const given: string[] = [];
      for (const doc of request.documents) {
        if (doc.text.includes('\r') && doc.structure?.length) return err(`“${doc.name}”: structure ranges must refer to text with LF line endings`);
        const id = ctx.newId();
        const name = names.claim(doc.name.trim(), doc.source?.fileName);
        documentIds.push(id);
        given.push(name);
        patches.push({
          table: 'documents',
          op: 'put',
          value: {
            id,
            name,
            // Offsets are defined on LF text; a pasted or scripted text may still hold CRLF.
            text: normalizeNewlines(doc.text),
            createdAt: ctx.now,
            source: doc.source,
            attributes: {},
            structure: doc.structure ?? [],
          },
        });
      }
      const label = documentIds.length === 1 ? `Import “${given[0]}”` : `Import ${documentIds.length} documents`;
      return ok({ label, change: { patches }, created: { documentIds } });
    }
    case 'renameDocument': {
      const doc = state.documents.get(request.documentId);
      if (!doc) return err(`there is no document with id ${request.documentId}`);
      return ok({
        label: `Rename document “${doc.name}”`,
        change: { patches: [{ table: 'documents', op: 'put', value: { ...doc, name: request.name.trim() } }] },
        created: {},
      });
    }
    case 'deleteDocument': {
      const doc = state.documents.get(request.documentId);
      if (!doc) return err(`there is no document with id ${request.documentId}`);
      const patches = deleteCodingsPatches(state, state.codingsByDocument.get(doc.id) ?? []);
      for (const memo of memosOn(state, 'document', new Set([doc.id]))) patches.push({ table: 'memos', op: 'del', id: memo.id });
      patches.push(...deleteSummariesPatches(state, { documentIds: new Set([doc.id]) }));
      for (const c of state.cases.values()) {
        if (c.documentIds.includes(doc.id)) {
          patches.push({ table: 'cases', op: 'put', value: { ...c, documentIds: c.documentIds.filter((d) => d !== doc.id) } });
        }
      }
      for (const s of state.sets.values()) {
        if (s.kind === 'documents' && s.memberIds.includes(doc.id)) {
          patches.push({ table: 'sets', op: 'put', value: { ...s, memberIds: s.memberIds.filter((d) => d !== doc.id) } });
        }
      }
      patches.push({ table: 'documents', op: 'del', id: doc.id });
      return ok({ label: `Delete document “${doc.name}”`, change: { patches }, created: {} });
    }
    case 'applyCode': {
      const doc = state.documents.get(request.documentId);
      if (!doc) return err(`there is no document with id ${request.documentId}`);
      const { start, end } = request;
      if (end <= start) return err('select some text first (the span is empty)');
      if (end > doc.text.length) return err(`the span ${start}–${end} is past the end of “${doc.name}” (${doc.text.length} characters)`);
      if (splitsSurrogatePair(doc.text, start) || splitsSurrogatePair(doc.text, end)) {
        return err('the span would split a character in two');
      }
      const patches: Patch[] = [];
      let code: Code;
      let created: string | undefined;
      if (request.codeId) {
        const found = needCode(state, request.codeId);
        if (!found.ok) return found;
        code = found.value;
      } else if (request.newCodeName) {
        const parentId = request.newCodeParentId ?? null;
        if (parentId !== null) {
          const parent = needCode(state, parentId);
          if (!parent.ok) return parent;
        }
        const lower = request.newCodeName.trim().toLocaleLowerCase();
        const existing = [...state.codes.values()].find((c) => c.parentId === parentId && c.name.toLocaleLowerCase() === lower);
        if (existing) code = existing;
        else {
          code = newCode(state, ctx, request.newCodeName, parentId);
          created = code.id;
          patches.push({ table: 'codes', op: 'put', value: code });
        }
      } else {
        return err('name a code to apply');
      }
      if (!code.codable) return err(`“${code.name}” is a folder of codes and cannot be applied to text`);
      for (const codingId of state.codingsByDocument.get(doc.id) ?? []) {
        const existing = state.codings.get(codingId)!;
        if (sameSpan(existing, { codeId: code.id, coderId: ctx.coder.id, start, end })) {
          return ok({ label: `Apply code “${code.name}”`, change: { patches: [] }, created: { codingId: existing.id } });
        }
      }
      const coding: Coding = {
        id: ctx.newId(),
        documentId: doc.id,
        codeId: code.id,
        coderId: ctx.coder.id,
        start,
        end,
        ...quoteAt(doc.text, start, end),
        createdAt: ctx.now,
        needsReview: false,
      };
      patches.push(...coderPatches(state, ctx.coder), { table: 'codings', op: 'put', value: coding });
      return ok({ label: `Apply code “${code.name}”`, change: { patches }, created: { codingId: coding.id, codeId: created } });
    }
    case 'removeCoding': {
      const coding = state.codings.get(request.codingId);
      if (!coding) return err(`there is no coding with id ${request.codingId}`);
      const code = state.codes.get(coding.codeId);
      return ok({
        label: `Remove code “${code?.name ?? '?'}”`,
        change: { patches: deleteCodingsPatches(state, [coding.id]) },
        created: {},
      });
    }
    case 'addMemo': {
      const target = request.target;
      if (target.kind !== 'project') {
        const table = ({ document: 'documents', code: 'codes', coding: 'codings' } as const)[target.kind];
        if (!state[table].has(target.id)) return err(`there is no ${target.kind} with id ${target.id}`);
      }
      const memo: Memo = {
        id: ctx.newId(),
        target,
        title: request.title,
        text: request.text,
        coderId: ctx.coder.id,
        createdAt: ctx.now,
        modifiedAt: ctx.now,
      };
      return ok({
        label: 'Add memo',
        change: { patches: [...coderPatches(state, ctx.coder), put({ table: 'memos', op: 'put', value: memo })] },
        created: { memoId: memo.id },
      });
    }
    case 'editMemo': {
      const memo = state.memos.get(request.memoId);
      if (!memo) return err(`there is no memo with id ${request.memoId}`);
      const value: Memo = {
        ...memo,
        title: request.title ?? memo.title,
        text: request.text ?? memo.text,
        modifiedAt: ctx.now,
      };
      return ok({ label: 'Edit memo', change: { patches: [{ table: 'memos', op: 'put', value }] }, created: {} });
    }
    case 'deleteMemo': {
      if (!state.memos.has(request.memoId)) return err(`there is no memo with id ${request.memoId}`);
      return ok({ label: 'Delete memo', change: { patches: [{ table: 'memos', op: 'del', id: request.memoId }] }, created: {} });
    }
    case 'renameProject': {
      return ok({
        label: 'Rename project',
        change: { patches: [{ table: 'project', op: 'put', value: { ...state.project, name: request.name.trim() } }] },
        created: {},
      });
    }
    case 'resolveReview': {
      const coding = state.codings.get(request.codingId);
      if (!coding) return err(`there is no coding with id ${request.codingId}`);
      const doc = state.documents.get(coding.documentId)!;
      const start = request.start ?? coding.start;
      const end = request.end ?? coding.end;
      if (end <= start) return err('select some text first (the span is empty)');
      if (end > doc.text.length) return err(`the span ${start}–${end} is past the end of “${doc.name}” (${doc.text.length} characters)`);
      if (splitsSurrogatePair(doc.text, start) || splitsSurrogatePair(doc.text, end)) return err('the span would split a character in two');
      const value = { ...coding, start, end, ...quoteAt(doc.text, start, end), needsReview: false };
      return ok({ label: 'Confirm coding after edit', change: { patches: [{ table: 'codings', op: 'put', value }] }, created: {} });
    }
    case 'editDocumentText':
      return planEditDocumentText(state, request);
    case 'anonymise':
      return planAnonymise(state, request);
    case 'importCodebook': {
      // The same matching as the preview, so the import does exactly what the user was shown.
      const { patches } = matchCodebook(state, request.codebook, ctx);
      return ok({ label: `Import codebook “${request.codebook.fileName}”`, change: { patches }, created: {} });
    }
    case 'autocode':
      return planAutocode(state, request, ctx);
    case 'acceptSuggestion':
      return planAcceptSuggestion(state, request, ctx);
    case 'dismissSuggestion':
      return planDismissSuggestion(state, request, ctx);
    case 'storeSpeakers':
      return planStoreSpeakers(state, request);
    case 'createVariable':
      return planCreateVariable(state, request, ctx);
    case 'setValue':
      return planSetValue(state, request, ctx);
    case 'createCase':
      return planCreateCase(state, request, ctx);
    case 'addToCase':
      return planAddToCase(state, request);
    case 'setSummary':
      return planSetSummary(state, request, ctx);
    case 'importValues':
      return planImportValues(state, request, ctx);
    case 'editVariable':
    case 'deleteVariable':
    case 'renameCase':
    case 'removeFromCase':
    case 'deleteCase':
    case 'createSet':
    case 'editSet':
    case 'deleteSet':
      return planVariableEdit(state, request, ctx);
    case 'moveCodings':
      return planMoveCodings(state, request, { newCode: (name, parentId) => newCode(state, ctx, name, parentId), siblingNameTaken: (parentId, name) => siblingNameTaken(state, parentId, name) });
    case 'repairProject': {
      const { patches, repaired } = planRepair(state);
      if (repaired.length === 0) return err('there is nothing in this project that Repair can mend');
      return ok({ label: `Repair ${repaired.length === 1 ? '1 problem' : `${repaired.length} problems`}`, change: { patches }, created: {} });
    }
  }
}
