/**
 * Repair: the one change that mends what the project check reports, as an ordinary Change,
 * so it is undone like any other step. It only ever adds what was referred to but missing,
 * takes ids that lead nowhere off lists, moves a memo whose target is gone to the project,
 * and puts offsets back on whole characters or on the text a coding was made on. Nothing a
 * person wrote (text, names, memos, quotes) is removed or rewritten.
 */
import {
  checkProject,
  rangeInText,
  RECOVERED_COLOR,
  recoveredName,
  typeOfValues,
  wholeCharacters,
  type ProjectProblem,
} from '../model/check-project';
import type { Coding, GlossDocument, Memo, Table, VariableValue } from '../model/schema';
import { fileFromState, type Patch, type ProjectState } from '../model/state';
import { matchQuote } from '../text/match-quote';
import { CONTEXT_LENGTH, quoteAt } from '../text/quote';

export interface RepairPlan {
  patches: Patch[];
  /** The problems the patches mend. */
  repaired: ProjectProblem[];
  /** Problems left as they are: nothing can mend them without loss. */
  left: ProjectProblem[];
}

/**
 * Share of the stored prefix and suffix that must agree before a coding whose offsets lost
 * its text is moved to an occurrence far from where it was: half, as re-anchoring after an
 * edit asks (shared/text/anchor.ts), far more than an unrelated occurrence agrees on.
 */
const MIN_CONTEXT = 0.5;

/** Where a coding whose offsets do not hold its quote belongs: its quote, found; else flagged for a person. */
function reanchoredCoding(coding: Coding, text: string): Coding {
  const near = (m: { start: number; end: number }) => m.start < coding.end + CONTEXT_LENGTH && m.end > coding.start - CONTEXT_LENGTH;
  for (const match of matchQuote(text, coding, coding.start)) {
    const whole = wholeCharacters(text, match.start, match.end);
    if (whole.start !== match.start || whole.end !== match.end) continue;
    if (match.context >= MIN_CONTEXT || near(match)) return { ...coding, start: match.start, end: match.end, ...quoteAt(text, match.start, match.end) };
  }
  // Kept where it is, with the quote it was made on, for the person to place (the review bar).
  return { ...coding, ...wholeCharacters(text, coding.start, coding.end), needsReview: true };
}

/** A coding whose span splits a character, widened; its quote follows unless it waits for review. */
function widenedCoding(coding: Coding, text: string): Coding {
  const whole = wholeCharacters(text, coding.start, coding.end);
  return coding.needsReview ? { ...coding, ...whole } : { ...coding, ...whole, ...quoteAt(text, whole.start, whole.end) };
}

/** Members in their order, each once, only those that exist. */
function soundMembers(ids: readonly string[], exists: (id: string) => boolean): string[] {
  return [...new Set(ids)].filter(exists);
}

/** Every value the project holds for variable `id`, in documents and cases. */
function valuesOf(state: ProjectState, id: string): VariableValue[] {
  const out: VariableValue[] = [];
  for (const doc of state.documents.values()) if (Object.hasOwn(doc.attributes, id)) out.push(doc.attributes[id]!);
  for (const c of state.cases.values()) if (Object.hasOwn(c.values, id)) out.push(c.values[id]!);
  return out;
}

/**
 * A summary whose framework cell is gone, as a memo on the project: the same words, coder
 * and times, under a title that says where it came from. Its id is derived from the
 * summary's, so planning Repair twice plans the same step.
 */
function summaryAsMemo(state: ProjectState, id: string): Patch[] | null {
  const summary = state.summaries.get(id);
  if (!summary) return null;
  const memo: Memo = {
    id: `memo-from-summary-${summary.id}`,
    target: { kind: 'project' },
    title: 'Framework summary whose case, document or code is gone',
    text: summary.text,
    coderId: summary.coderId,
    createdAt: summary.createdAt,
    modifiedAt: summary.modifiedAt,
  };
  return [
    { table: 'summaries', op: 'del', id },
    { table: 'memos', op: 'put', value: memo },
  ];
}

/** The patch that mends one entity's problems, or null when there is none. */
function mend(state: ProjectState, table: Table, id: string, kinds: ReadonlySet<ProjectProblem['kind']>): Patch | Patch[] | null {
  switch (table) {
    case 'summaries':
      return summaryAsMemo(state, id);
    case 'coders':
      return { table, op: 'put', value: { id, name: recoveredName('Coder', id), color: RECOVERED_COLOR } };
    case 'variables':
      return {
        table,
        op: 'put',
        value: {
          id,
          name: recoveredName('Variable', id),
          type: typeOfValues(valuesOf(state, id)),
          description: 'Added by Repair: the project held values of this variable without the variable.',
        },
      };
    case 'memos': {
      const memo = state.memos.get(id);
      return memo ? { table, op: 'put', value: { ...memo, target: { kind: 'project' } } } : null;
    }
    case 'cases': {
      const c = state.cases.get(id);
      return c ? { table, op: 'put', value: { ...c, documentIds: soundMembers(c.documentIds, (d) => state.documents.has(d)) } } : null;
    }
    case 'sets': {
      const s = state.sets.get(id);
      if (!s) return null;
      const members = s.kind === 'documents' ? state.documents : state.codes;
      return { table, op: 'put', value: { ...s, memberIds: soundMembers(s.memberIds, (m) => members.has(m)) } };
    }
    case 'documents': {
      const doc = state.documents.get(id);
      if (!doc) return null;
      const structure: GlossDocument['structure'] = doc.structure.map((r) => rangeInText(r, doc.text.length));
      return { table, op: 'put', value: { ...doc, structure } };
    }
    case 'codings': {
      const coding = state.codings.get(id);
      const doc = coding && state.documents.get(coding.documentId);
      if (!coding || !doc) return null;
      const value = kinds.has('quote-mismatch') ? reanchoredCoding(coding, doc.text) : widenedCoding(coding, doc.text);
      return { table, op: 'put', value };
    }
    case 'codes':
      return null;
  }
}

/** What Repair would do to `state`, as patches, with the problems they mend and those left. */
export function planRepair(state: ProjectState): RepairPlan {
  const { problems } = checkProject(fileFromState(state));
  const repaired: ProjectProblem[] = [];
  const left: ProjectProblem[] = [];
  /** Problems by the entity they are on, so that each entity gets one patch with all its mends. */
  const byEntity = new Map<string, { table: Table; id: string; kinds: Set<ProjectProblem['kind']> }>();
  for (const problem of problems) {
    if (problem.repair === null) {
      left.push(problem);
      continue;
    }
    repaired.push(problem);
    const key = `${problem.table}\u0000${problem.id}`;
    const entry = byEntity.get(key) ?? { table: problem.table, id: problem.id, kinds: new Set() };
    entry.kinds.add(problem.kind);
    byEntity.set(key, entry);
  }
  const patches: Patch[] = [];
  for (const { table, id, kinds } of byEntity.values()) {
    const patch = mend(state, table, id, kinds);
    if (Array.isArray(patch)) patches.push(...patch);
    else if (patch) patches.push(patch);
  }
  return { patches, repaired, left };
}
