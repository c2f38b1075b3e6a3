/**
 * What an analysis counts: the filter every analysis view shares (documents, sets, cases,
 * variable values, coders) and the codes it shows. Documents are filtered by what they are
 * and belong to; codings by who made them; codes by the code sets chosen. Within one kind
 * of condition any listed item will do (this set or that one); different kinds must all
 * hold (in this set, and by this coder).
 *
 * A document's value of a variable is its own, or else the values of the cases it belongs
 * to (a variable of people, set on the case, describes each of that person's interviews).
 */
import type { Code, Coding, GlossDocument, VariableValue } from '../model/schema';
import type { ProjectState } from '../model/state';
import { codePath, codeTree } from '../model/codes';
import { documentsByName } from '../export/document-order';

export interface AnalysisFilter {
  /** Only these documents. */
  documentIds?: readonly string[];
  /** Only documents in one of these sets of documents. */
  documentSetIds?: readonly string[];
  /** Only documents of one of these cases. */
  caseIds?: readonly string[];
  /** Only documents with one of the listed values of each variable named (null: no value). */
  values?: readonly { variableId: string; values: readonly VariableValue[] }[];
  /** Only codings by these coders. */
  coderIds?: readonly string[];
  /** Only codes in one of these sets of codes (the rows shown; sub-codes still roll up into a shown parent). */
  codeSetIds?: readonly string[];
  /** Only these codes (rows shown), with the same roll-up. */
  codeIds?: readonly string[];
}

/**
 * Told how far a computation has got, as documents done of those counted: a view that
 * runs in a worker reports it (and is cancelled between calls). Never called when the
 * computation is given none.
 */
export type AnalysisProgress = (done: number, total: number) => void;

/** The state an analysis reads: the tables and the codings index. */
export type AnalysisState = Pick<ProjectState, 'documents' | 'codes' | 'codings' | 'codingsByDocument' | 'codingsByCode' | 'cases' | 'sets' | 'variables' | 'coders'>;

/** A shown code, with what tables and exports print for it. */
export interface CodeRow {
  codeId: string;
  code: string;
  /** "Barriers > Data sharing". */
  codePath: string;
}

export interface Scope {
  /** The documents counted, by name. */
  documents: GlossDocument[];
  hasDocument(id: string): boolean;
  /** Whether a coding counts: in a counted document, by a counted coder. */
  counts(coding: Coding): boolean;
  /** Every code in tree order (depth first, siblings by name), shown or not: sub-codes roll up through it. */
  tree: Code[];
  /** Index of each code in `tree`. */
  index: Map<string, number>;
  /** Per code (by tree index), its parent's index, -1 at the top. */
  parent: Int32Array;
  /** The codes shown, as tree indexes in tree order. */
  shown: number[];
}

/** A key for comparing values of any type: 3 and "3" differ, as they do in the file. */
export function valueKey(value: VariableValue): string {
  return value === null ? 'null' : `${typeof value}:${String(value)}`;
}

/** The cases each document belongs to. */
export function casesByDocument(state: Pick<ProjectState, 'cases'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of state.cases.values()) {
    for (const id of c.documentIds) {
      const list = out.get(id);
      if (list) {
        if (!list.includes(c.id)) list.push(c.id);
      } else out.set(id, [c.id]);
    }
  }
  return out;
}

/** A document's values of a variable: its own, else its cases' (each once); [null] when it has none. */
export function documentValues(state: Pick<ProjectState, 'cases'>, doc: GlossDocument, variableId: string, cases: ReadonlyMap<string, readonly string[]>): VariableValue[] {
  if (Object.hasOwn(doc.attributes, variableId)) return [doc.attributes[variableId]!];
  const out: VariableValue[] = [];
  const seen = new Set<string>();
  for (const caseId of cases.get(doc.id) ?? []) {
    const c = state.cases.get(caseId);
    if (!c || !Object.hasOwn(c.values, variableId)) continue;
    const value = c.values[variableId]!;
    if (!seen.has(valueKey(value))) {
      seen.add(valueKey(value));
      out.push(value);
    }
  }
  return out.length > 0 ? out : [null];
}

/** Resolves a filter against the project. Ids that name nothing match nothing. */
export function analysisScope(state: AnalysisState, filter: AnalysisFilter = {}): Scope {
  const cases = casesByDocument(state);
  const only = filter.documentIds ? new Set(filter.documentIds) : null;
  const inSets = filter.documentSetIds ? new Set(filter.documentSetIds.flatMap((id) => { const s = state.sets.get(id); return s?.kind === 'documents' ? s.memberIds : []; })) : null;
  const inCases = filter.caseIds ? new Set(filter.caseIds.flatMap((id) => state.cases.get(id)?.documentIds ?? [])) : null;
  const conditions = (filter.values ?? []).map((v) => ({ variableId: v.variableId, keys: new Set(v.values.map(valueKey)) }));
  const documents = documentsByName(state).filter(
    (d) =>
      (!only || only.has(d.id)) &&
      (!inSets || inSets.has(d.id)) &&
      (!inCases || inCases.has(d.id)) &&
      conditions.every((c) => documentValues(state, d, c.variableId, cases).some((v) => c.keys.has(valueKey(v)))),
  );
  const counted = new Set(documents.map((d) => d.id));
  const coders = filter.coderIds ? new Set(filter.coderIds) : null;

  const tree = codeTree(state.codes.values()).map((t) => t.code);
  const index = new Map(tree.map((c, i) => [c.id, i]));
  const parent = new Int32Array(tree.length);
  tree.forEach((c, i) => (parent[i] = c.parentId === null ? -1 : (index.get(c.parentId) ?? -1)));
  const codeSets = filter.codeSetIds ? new Set(filter.codeSetIds.flatMap((id) => { const s = state.sets.get(id); return s?.kind === 'codes' ? s.memberIds : []; })) : null;
  const codeIds = filter.codeIds ? new Set(filter.codeIds) : null;
  const shown = tree.flatMap((c, i) => ((!codeSets || codeSets.has(c.id)) && (!codeIds || codeIds.has(c.id)) ? [i] : []));

  return {
    documents,
    hasDocument: (id) => counted.has(id),
    counts: coders ? (coding) => counted.has(coding.documentId) && coders.has(coding.coderId) : (coding) => counted.has(coding.documentId),
    tree,
    index,
    parent,
    shown,
  };
}

/**
 * The counted codings of each counted document, in document order, each list sorted by
 * start then end. One pass over the codings table into a bucket per document (looking each
 * coding up by id through the per-document index cost three times as much on the
 * 100,000-coding benchmark), then a numeric sort per bucket (see byPosition).
 */
export function codingsByDocumentIn(state: AnalysisState, scope: Scope): { doc: GlossDocument; codings: Coding[] }[] {
  const position = new Map(scope.documents.map((d, i) => [d.id, i]));
  const buckets: Coding[][] = scope.documents.map(() => []);
  for (const coding of state.codings.values()) {
    const i = position.get(coding.documentId);
    if (i !== undefined && scope.counts(coding)) buckets[i]!.push(coding);
  }
  return scope.documents.map((doc, i) => ({ doc, codings: byPosition(buckets[i]!) }));
}

/**
 * `codings` sorted by start, then end. The starts are sorted as numbers in a typed array
 * (start × n + index: exact below 2^53, as offsets stay below 2^31 and a document holds far
 * fewer than 2^22 codings), which is about twice as fast as sorting the objects with a
 * comparison function; codings sharing a start, usually few, are then put in order of end.
 */
export function byPosition(codings: readonly Coding[]): Coding[] {
  const n = codings.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = codings[i]!.start * n + i;
  keys.sort();
  const out = new Array<Coding>(n);
  for (let i = 0; i < n; i++) out[i] = codings[keys[i]! % n]!;
  for (let i = 1; i < n; i++) {
    const c = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.start === c.start && out[j]!.end > c.end) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = c;
  }
  return out;
}

/** The counted codings of the given codes, in document order (by name) and position. */
export function codingsOfCodes(state: AnalysisState, scope: Scope, codeIds: Iterable<string>): Coding[] {
  const order = new Map(scope.documents.map((d, i) => [d.id, i]));
  const out: Coding[] = [];
  for (const codeId of codeIds) {
    for (const id of state.codingsByCode.get(codeId) ?? []) {
      const coding = state.codings.get(id);
      if (coding && scope.counts(coding)) out.push(coding);
    }
  }
  return out.sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `codeId` and the codes below it, as ids. */
export function subtreeIds(scope: Scope, codeId: string): string[] {
  const at = scope.index.get(codeId);
  if (at === undefined) return [];
  const out = [codeId];
  for (let i = 0; i < scope.tree.length; i++) {
    for (let p = scope.parent[i]!; p >= 0; p = scope.parent[p]!) {
      if (p === at) {
        out.push(scope.tree[i]!.id);
        break;
      }
    }
  }
  return out;
}

/** The row a table prints for code `i` of the tree. */
export function codeRow(state: Pick<ProjectState, 'codes'>, scope: Scope, i: number): CodeRow {
  const code = scope.tree[i]!;
  return { codeId: code.id, code: code.name, codePath: codePath(state, code.id) };
}
