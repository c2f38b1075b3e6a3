/**
 * When the Search view's results are out of date: a search's hits depend on the documents'
 * texts (every search), on codings (only "inside codings of" and "uncoded text only"), on
 * the code tree ("inside codings of", with sub-codes) and on document sets (a set filter).
 * A result remembers the versions of what it read (store/versions.ts); once one of those
 * moves, the view searches again. Pure, so it is tested on its own.
 */
import type { Versions } from '../store/versions';
import type { SearchScope } from './search-store';

/** The versions of the tables a search may read, when it was asked. */
export type SearchStamp = Pick<Versions, 'documents' | 'codings' | 'codes' | 'sets'>;

export function stampOf(versions: Versions): SearchStamp {
  return { documents: versions.documents, codings: versions.codings, codes: versions.codes, sets: versions.sets };
}

/** Whether a result searched in `where` at `stamp` may differ from a search now, at `versions`. */
export function isStale(where: SearchScope, stamp: SearchStamp, versions: Versions): boolean {
  if (versions.documents !== stamp.documents) return true;
  if ((where.insideCode || where.uncodedOnly) && versions.codings !== stamp.codings) return true;
  if (where.insideCode && versions.codes !== stamp.codes) return true;
  return !!where.setIds?.length && versions.sets !== stamp.sets;
}

/** The selected hits (by key) that are still among the hits, so a refresh keeps what it can of a selection. */
export function keptSelection(selected: ReadonlySet<string>, keys: Iterable<string>): Set<string> {
  const kept = new Set<string>();
  if (selected.size === 0) return kept;
  for (const key of keys) if (selected.has(key)) kept.add(key);
  return kept;
}
