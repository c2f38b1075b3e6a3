/**
 * What the parts of the project.qde writer share: the XML being written, the GUID
 * mapping, memos by what they are attached to, and the ordering and value rules that
 * make two exports of one project byte-identical.
 */
import type { Memo, MemoTarget } from '../../model/schema';
import type { ProjectState } from '../../model/state';
import type { QdeGuids } from './qde-guids';
import type { PositionUnit } from './qde-positions';
import type { RefiVariableType } from './qde-variables';
import type { XmlWriter } from './qde-writer';

export interface QdeContext {
  state: ProjectState;
  xml: XmlWriter;
  guids: QdeGuids;
  positions: PositionUnit;
  /** Memos by targetKey of what they are attached to, oldest first. */
  memos: Map<string, Memo[]>;
  /** Variables' REFI types, by variable id. */
  variableTypes: Map<string, RefiVariableType>;
}

/** One key per memo target, so a memo is found from the entity it is attached to. */
export function targetKey(target: MemoTarget): string {
  return target.kind === 'project' ? 'project' : `${target.kind}:${target.id}`;
}

/** Memos grouped by targetKey, each group oldest first (ties by id). */
export function memosByTarget(state: ProjectState): Map<string, Memo[]> {
  const groups = new Map<string, Memo[]>();
  for (const memo of [...state.memos.values()].sort(byCreationThenId)) {
    const key = targetKey(memo.target);
    const group = groups.get(key);
    if (group) group.push(memo);
    else groups.set(key, [memo]);
  }
  return groups;
}

/** A `NoteRef` for every memo attached to `key`. */
export function writeNoteRefs(context: QdeContext, key: string): void {
  for (const memo of context.memos.get(key) ?? []) {
    context.xml.element('NoteRef', { targetGUID: context.guids.of('memos', memo.id) });
  }
}

/** The GUID of coder `coderId` as a creatingUser, or undefined when no such coder is left (a User must exist for it). */
export function userGuid(context: QdeContext, coderId: string): string | undefined {
  return context.state.coders.has(coderId) ? context.guids.of('coders', coderId) : undefined;
}

/** xsd:dateTime as Gloss stores times (ISO 8601); anything else is left out rather than make the file invalid. */
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

export function dateTime(value: string): string | undefined {
  return DATE_TIME.test(value) ? value : undefined;
}

/** Plain code unit order: unlike localeCompare it is the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Names compared as people read them, by the root collation rather than the machine's
 * locale, so the desktop app and the CLI on another machine write the same order.
 */
const names = new Intl.Collator('und');

/** By name, ties by id so the order never depends on insertion order. */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return names.compare(a.name, b.name) || compareIds(a.id, b.id);
}

function byCreationThenId(a: Memo, b: Memo): number {
  return compareIds(a.createdAt, b.createdAt) || compareIds(a.id, b.id);
}
