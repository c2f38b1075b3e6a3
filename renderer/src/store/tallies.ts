/**
 * Counts of codings kept current patch by patch, so that the counts the panes show (per
 * code, per document, per coder, codings needing review) cost the same after a change on a
 * project of 100,000 codings as on one of ten: a patch adjusts the counts of the coding it
 * puts or deletes, and a selector reads them instead of walking every coding.
 */
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { Patch } from '../../../shared/model/state';
import type { DocumentEntry, IndexState } from '../../../shared/model/document-index';

/** Coder id → codings. */
export type ByCoder = Map<string, number>;

export interface Tallies {
  byCoder: ByCoder;
  byCodeAndCoder: Map<string, ByCoder>;
  byDocumentAndCoder: Map<string, ByCoder>;
  /** Ids of the codings that need review. */
  review: Set<string>;
}

function add(counts: ByCoder, coderId: string, delta: number): void {
  const n = (counts.get(coderId) ?? 0) + delta;
  if (n === 0) counts.delete(coderId);
  else counts.set(coderId, n);
}

function addUnder(index: Map<string, ByCoder>, key: string, coderId: string, delta: number): void {
  let counts = index.get(key);
  if (!counts) index.set(key, (counts = new Map()));
  add(counts, coderId, delta);
  if (counts.size === 0) index.delete(key);
}

function count(tallies: Tallies, coding: CodingEntry, delta: 1 | -1): void {
  add(tallies.byCoder, coding.coderId, delta);
  addUnder(tallies.byCodeAndCoder, coding.codeId, coding.coderId, delta);
  addUnder(tallies.byDocumentAndCoder, coding.documentId, coding.coderId, delta);
  if (coding.needsReview) {
    if (delta > 0) tallies.review.add(coding.id);
    else tallies.review.delete(coding.id);
  }
}

/** The tallies of a whole project (once, when it is loaded). */
export function talliesOf(state: IndexState): Tallies {
  const tallies: Tallies = { byCoder: new Map(), byCodeAndCoder: new Map(), byDocumentAndCoder: new Map(), review: new Set() };
  for (const coding of state.codings.values()) count(tallies, coding, 1);
  return tallies;
}

/** Adjusts the tallies for one patch, before it is applied (`before` is the entity it replaces or deletes). */
export function tallyPatch(tallies: Tallies, patch: Patch<DocumentEntry, CodingEntry>, before: unknown): void {
  if (patch.table !== 'codings') return;
  if (before) count(tallies, before as CodingEntry, -1);
  if (patch.op === 'put') count(tallies, patch.value, 1);
}

/** How many of `counts` the coder filter shows (`shown` null: everyone's). */
export function shownCount(counts: ByCoder | undefined, shown: ReadonlySet<string> | null): number {
  if (!counts) return 0;
  let n = 0;
  if (shown) {
    for (const coderId of shown) n += counts.get(coderId) ?? 0;
  } else {
    for (const c of counts.values()) n += c;
  }
  return n;
}
