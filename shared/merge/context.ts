/**
 * What every step of a merge shares: the three copies as maps by id, the report being
 * filled in, and the one rule for settling a value both sides have (`settle`).
 */
import { codePathNames } from '../model/codes';
import type { Entities, Table, VariableValue } from '../model/schema';
import type { TableMaps } from './change';
import { same } from './same';
import type { MergeConflict, MergeReport, Side } from './types';

export interface MergeContext {
  ours: TableMaps;
  /** Theirs in our ids, its codings already placed on our texts. */
  theirs: TableMaps;
  base: TableMaps | null;
  report: MergeReport;
  unresolved: MergeConflict[];
  resolutions: Readonly<Record<string, Side>>;
  prefer: Side | undefined;
}

/** The base's value of a field, or null when the entity is not in the base (nothing to compare with). */
export type BaseValue<V> = { value: V } | null;

/** How a conflict names its values for people, given the copy the value comes from. */
export type Show<V> = (value: V, from: Maps) => string;
type Maps = TableMaps;

export interface FieldKey {
  table: Table;
  entityId: string;
  field: string;
  label: string;
}

const showPlain: Show<unknown> = (value) => (typeof value === 'string' ? value : value === undefined ? '(none)' : JSON.stringify(value));

/**
 * The merged value of one field: the same on both sides, or changed on one side only
 * (against the base), or else a conflict, settled by the user's choice for its id, or by
 * `prefer`, or left unresolved with ours kept.
 */
export function settle<V>(ctx: MergeContext, key: FieldKey, ours: V, theirs: V, base: BaseValue<V>, show: Show<V> = showPlain): V {
  if (same(ours, theirs)) return ours;
  if (base !== null) {
    if (same(base.value, ours)) return theirs;
    if (same(base.value, theirs)) return ours;
  }
  const conflict: MergeConflict = {
    id: `${key.table}:${key.entityId}:${key.field}`,
    table: key.table,
    entityId: key.entityId,
    label: key.label,
    ours: show(ours, ctx.ours),
    theirs: show(theirs, ctx.theirs),
    base: base === null ? null : show(base.value, ctx.base ?? ctx.ours),
  };
  ctx.report.conflicts.push(conflict);
  const side = ctx.resolutions[conflict.id] ?? ctx.prefer;
  if (side === 'theirs') return theirs;
  if (side === undefined) ctx.unresolved.push(conflict);
  return ours;
}

/** Text for people, shortened to one line. */
export function short(text: string, max = 50): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "Code "Trust"", "Coding of "we never had training"": how notes and conflicts name an entity. */
export function describe<T extends Table>(table: T, entity: Entities[T]): string {
  switch (table) {
    case 'coders':
      return `Coder "${(entity as Entities['coders']).name}"`;
    case 'documents':
      return `Document "${(entity as Entities['documents']).name}"`;
    case 'codes':
      return `Code "${(entity as Entities['codes']).name}"`;
    case 'codings':
      return `Coding of "${short((entity as Entities['codings']).quote)}"`;
    case 'memos': {
      const memo = entity as Entities['memos'];
      return `Memo "${short(memo.title || memo.text)}"`;
    }
    case 'cases':
      return `Case "${(entity as Entities['cases']).name}"`;
    case 'variables':
      return `Variable "${(entity as Entities['variables']).name}"`;
    case 'sets':
      return `Set "${(entity as Entities['sets']).name}"`;
    case 'summaries':
      return `Summary "${short((entity as Entities['summaries']).text)}"`;
  }
  return `${table} ${entity.id}`;
}

/** The path of names of a code in one copy ("Barriers > Data sharing"), or "(top level)" for null. */
export function codePathIn(maps: Pick<Maps, 'codes'>, codeId: string | null): string {
  if (codeId === null) return '(top level)';
  const names = codePathNames(maps, codeId);
  return names.length ? names.join(' > ') : codeId;
}

export const showCoder: Show<string> = (id, maps) => maps.coders.get(id)?.name ?? id;
export const showCode: Show<string | null> = (id, maps) => codePathIn(maps, id);
export const showValue: Show<VariableValue | undefined> = (value) => (value === undefined || value === null ? '(no value)' : String(value));
