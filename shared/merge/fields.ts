/**
 * Merging one entity that both copies hold, field by field: what may conflict (a name, a
 * colour, a memo's text, a code's parent) and what never does (creation times, a
 * document's text, which is always ours and handled before this, see place-codings.ts).
 */
import type { Case, Code, Coder, Coding, Dismissal, Entities, GlossDocument, GlossSet, Memo, MemoTarget, Summary, Table, Variable, VariableValue } from '../model/schema';
import { describe, settle, short, showCode, showCoder, showValue, type BaseValue, type MergeContext, type Show } from './context';
import { same } from './same';

type Merge<E> = (ctx: MergeContext, ours: E, theirs: E, base: E | undefined) => E;

/** The base's value of a field, when the entity is in the base. */
function baseOf<E, V>(base: E | undefined, get: (e: E) => V): BaseValue<V> {
  return base === undefined ? null : { value: get(base) };
}

/** Settles field `field` of an entity. */
function field<E extends { id: string }, K extends keyof E & string>(
  ctx: MergeContext,
  table: Table,
  ours: E,
  theirs: E,
  base: E | undefined,
  name: K,
  label: string,
  show?: Show<E[K]>,
): E[K] {
  return settle(ctx, { table, entityId: ours.id, field: name, label }, ours[name], theirs[name], baseOf(base, (e) => e[name]), show);
}

/**
 * A record of variable values merged key by key, so two coders who filled in different
 * variables of one document do not conflict.
 */
function values(
  ctx: MergeContext,
  table: Table,
  entityId: string,
  fieldName: string,
  what: string,
  ours: Record<string, VariableValue>,
  theirs: Record<string, VariableValue>,
  base: Record<string, VariableValue> | undefined,
): Record<string, VariableValue> {
  if (same(ours, theirs)) return ours;
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  const out: Record<string, VariableValue> = {};
  for (const key of [...keys].sort()) {
    const variable = ctx.ours.variables.get(key)?.name ?? ctx.theirs.variables.get(key)?.name ?? key;
    const value = settle<VariableValue | undefined>(
      ctx,
      { table, entityId, field: `${fieldName}.${key}`, label: `${what}: variable "${variable}" set two ways` },
      ours[key],
      theirs[key],
      base === undefined ? null : { value: base[key] },
      showValue,
    );
    if (value !== undefined) out[key] = value;
  }
  return same(out, ours) ? ours : out;
}

/**
 * A list of member ids merged as a set: members added on either side are in, members the
 * other side still has unless one side removed them since the base. Never a conflict.
 */
export function mergeIdList(ours: readonly string[], theirs: readonly string[], base: readonly string[] | undefined): string[] {
  if (same(ours, theirs)) return ours as string[];
  if (base && same(base, ours)) return theirs as string[];
  if (base && same(base, theirs)) return ours as string[];
  const inBase = new Set(base ?? []);
  const inOurs = new Set(ours);
  const inTheirs = new Set(theirs);
  const kept = ours.filter((id) => inTheirs.has(id) || !inBase.has(id));
  return [...kept, ...theirs.filter((id) => !inOurs.has(id) && !inBase.has(id))];
}

const mergeCoder: Merge<Coder> = (ctx, o, t, b) => ({
  id: o.id,
  name: field(ctx, 'coders', o, t, b, 'name', `${describe('coders', o)} renamed two ways`),
  color: field(ctx, 'coders', o, t, b, 'color', `${describe('coders', o)} given two colours`),
});

/** A document's text and reading structure are ours: theirs' codings were placed on our text before. */
const mergeDocument: Merge<GlossDocument> = (ctx, o, t, b) => ({
  id: o.id,
  name: field(ctx, 'documents', o, t, b, 'name', `${describe('documents', o)} renamed two ways`),
  text: o.text,
  createdAt: o.createdAt,
  source: field(ctx, 'documents', o, t, b, 'source', `${describe('documents', o)}: import details differ`, (s) =>
    s ? `${s.fileName} (sha256 ${s.sha256.slice(0, 12)}…)` : '(none)',
  ),
  attributes: values(ctx, 'documents', o.id, 'attributes', describe('documents', o), o.attributes, t.attributes, b?.attributes),
  structure: o.structure,
});

const mergeCode: Merge<Code> = (ctx, o, t, b) => ({
  id: o.id,
  name: field(ctx, 'codes', o, t, b, 'name', `${describe('codes', o)} renamed two ways`),
  color: field(ctx, 'codes', o, t, b, 'color', `${describe('codes', o)} recoloured two ways`),
  description: field(ctx, 'codes', o, t, b, 'description', `${describe('codes', o)}: description edited on both sides`),
  parentId: field(ctx, 'codes', o, t, b, 'parentId', `${describe('codes', o)} moved to two parents`, showCode),
  codable: field(ctx, 'codes', o, t, b, 'codable', `${describe('codes', o)} made a folder on one side only`, (v) =>
    v ? 'can be applied' : 'folder only',
  ),
  createdAt: o.createdAt,
  ...dismissedOf(o.dismissed, t.dismissed),
  ...orderOf(o.order, t.order, b ? { value: b.order } : null),
});

/**
 * A code's place among its siblings never conflicts: the side that moved it wins, and
 * ours when both did (a place is cheap to set again, not work to lose).
 */
function orderOf(ours: number | undefined, theirs: number | undefined, base: { value: number | undefined } | null): { order?: number } {
  const order = base && ours === base.value ? theirs : ours;
  return order === undefined ? {} : { order };
}

/**
 * Suggestions dismissed on either side stay dismissed: a dismissal is only ever added (or
 * undone before anyone else saw it), so the union never conflicts.
 */
function dismissedOf(ours: readonly Dismissal[] | undefined, theirs: readonly Dismissal[] | undefined): { dismissed?: Dismissal[] } {
  const key = (d: Dismissal) => `${d.documentId}\u0000${d.start}\u0000${d.end}\u0000${d.quote}`;
  const seen = new Set((ours ?? []).map(key));
  const added = (theirs ?? []).filter((d) => !seen.has(key(d)));
  const all = [...(ours ?? []), ...added];
  return all.length > 0 ? { dismissed: all } : {};
}

type Span = Pick<Coding, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>;
const spanOf = (c: Coding): Span => ({ start: c.start, end: c.end, quote: c.quote, prefix: c.prefix, suffix: c.suffix });
const showSpan: Show<Span> = (s) => `${s.start}–${s.end} "${short(s.quote)}"`;

const mergeCoding: Merge<Coding> = (ctx, o, t, b) => {
  const label = describe('codings', o);
  const span = settle(ctx, { table: 'codings', entityId: o.id, field: 'span', label: `${label} moved two ways` }, spanOf(o), spanOf(t), baseOf(b, spanOf));
  // A coding one side still has to check, and the other side neither checked nor knew of: keep checking.
  const needsReview = o.needsReview === t.needsReview ? o.needsReview : b ? (b.needsReview === o.needsReview ? t.needsReview : o.needsReview) : true;
  return {
    id: o.id,
    documentId: o.documentId,
    codeId: field(ctx, 'codings', o, t, b, 'codeId', `${label} given two different codes`, showCode as Show<string>),
    coderId: field(ctx, 'codings', o, t, b, 'coderId', `${label} credited to two coders`, showCoder),
    ...span,
    createdAt: o.createdAt,
    needsReview,
    // Where a coding came from is set once, when it is made; either side's record of it is kept.
    ...(o.origin ?? t.origin ? { origin: o.origin ?? t.origin } : {}),
  };
};

const showTarget: Show<MemoTarget> = (target, maps) => {
  switch (target.kind) {
    case 'project':
      return 'the project';
    case 'document':
      return `document "${maps.documents.get(target.id)?.name ?? target.id}"`;
    case 'code':
      return `code "${showCode(target.id, maps)}"`;
    case 'coding':
      return `coding of "${short(maps.codings.get(target.id)?.quote ?? target.id)}"`;
  }
};

const mergeMemo: Merge<Memo> = (ctx, o, t, b) => {
  const label = describe('memos', o);
  const merged: Memo = {
    id: o.id,
    target: field(ctx, 'memos', o, t, b, 'target', `${label} attached to two different things`, showTarget),
    title: field(ctx, 'memos', o, t, b, 'title', `${label} retitled two ways`),
    text: field(ctx, 'memos', o, t, b, 'text', `${label} edited on both sides`),
    coderId: field(ctx, 'memos', o, t, b, 'coderId', `${label} credited to two coders`, showCoder),
    createdAt: o.createdAt,
    modifiedAt: o.modifiedAt,
  };
  // The time of the side whose words were kept; the later one when both sides' were.
  const sameAs = (m: Memo) => same({ ...merged, modifiedAt: '' }, { ...m, id: o.id, createdAt: o.createdAt, modifiedAt: '' });
  merged.modifiedAt = sameAs(o) ? o.modifiedAt : sameAs(t) ? t.modifiedAt : o.modifiedAt > t.modifiedAt ? o.modifiedAt : t.modifiedAt;
  return merged;
};

const mergeCase: Merge<Case> = (ctx, o, t, b) => ({
  id: o.id,
  name: field(ctx, 'cases', o, t, b, 'name', `${describe('cases', o)} renamed two ways`),
  description: field(ctx, 'cases', o, t, b, 'description', `${describe('cases', o)}: description edited on both sides`),
  documentIds: mergeIdList(o.documentIds, t.documentIds, b?.documentIds),
  values: values(ctx, 'cases', o.id, 'values', describe('cases', o), o.values, t.values, b?.values),
});

const mergeVariable: Merge<Variable> = (ctx, o, t, b) => ({
  id: o.id,
  name: field(ctx, 'variables', o, t, b, 'name', `${describe('variables', o)} renamed two ways`),
  type: field(ctx, 'variables', o, t, b, 'type', `${describe('variables', o)} given two types`),
  description: field(ctx, 'variables', o, t, b, 'description', `${describe('variables', o)}: description edited on both sides`),
});

const mergeSet: Merge<GlossSet> = (ctx, o, t, b) => ({
  id: o.id,
  name: field(ctx, 'sets', o, t, b, 'name', `${describe('sets', o)} renamed two ways`),
  description: field(ctx, 'sets', o, t, b, 'description', `${describe('sets', o)}: description edited on both sides`),
  kind: o.kind,
  // Members of a set that changed kind on one side would not be ids of the same table.
  memberIds: o.kind === t.kind ? mergeIdList(o.memberIds, t.memberIds, b?.kind === o.kind ? b.memberIds : undefined) : o.memberIds,
});

/** "Summary of case "P1" on code "Trust"": how a conflict names a framework cell. */
function summaryLabel(ctx: MergeContext, s: Summary): string {
  const row = s.row.kind === 'case' ? ctx.ours.cases.get(s.row.id)?.name : ctx.ours.documents.get(s.row.id)?.name;
  return `Summary of ${s.row.kind} "${row ?? s.row.id}" on code "${showCode(s.codeId, ctx.ours)}"`;
}

/** One cell's summary on both sides (matched by cell, see summaries.ts): its words like a memo's; who and when follow the words kept. */
const mergeSummary: Merge<Summary> = (ctx, o, t, b) => {
  const label = summaryLabel(ctx, o);
  const text = field(ctx, 'summaries', o, t, b, 'text', `${label} written two ways`);
  const from = text === o.text ? o : t;
  return {
    id: o.id,
    row: field(ctx, 'summaries', o, t, b, 'row', `${label} moved to two rows`, (r) => `${r.kind} ${r.id}`),
    codeId: field(ctx, 'summaries', o, t, b, 'codeId', `${label} moved to two codes`, showCode as Show<string>),
    text,
    coderId: from.coderId,
    createdAt: o.createdAt,
    modifiedAt: from.modifiedAt,
  };
};

/** The field-by-field merge of each table. */
export const mergeEntity: { [T in Table]: Merge<Entities[T]> } = {
  coders: mergeCoder,
  documents: mergeDocument,
  codes: mergeCode,
  codings: mergeCoding,
  memos: mergeMemo,
  cases: mergeCase,
  variables: mergeVariable,
  sets: mergeSet,
  summaries: mergeSummary,
};

/**
 * Whether an entity one side deleted is as the base had it on the other side, so the
 * deletion can be applied. A coding counts as unchanged while it codes the same words
 * with the same code for the same coder: its offsets move whenever its text is edited.
 */
export function unchangedSince<T extends Table>(table: T, entity: Entities[T], base: Entities[T]): boolean {
  if (table === 'codings') {
    const c = entity as Coding;
    const b = base as Coding;
    return c.documentId === b.documentId && c.codeId === b.codeId && c.coderId === b.coderId && c.quote === b.quote;
  }
  return same(entity, base);
}
