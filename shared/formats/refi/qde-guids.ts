/**
 * The one mapping from Gloss ids to the GUIDs of a project.qde, used for every definition
 * and every reference so that they always agree. It also notices two entities that would
 * share a GUID (a hand-edited file reusing one UUID for a code and a document), which
 * would make every reference to either ambiguous.
 */
import type { Table } from '../../model/schema';
import { GLOSS_GUID_NAMESPACE, refiGuid, uuidV5 } from './guid';

export class QdeGuids {
  private readonly owners = new Map<string, string>();
  private readonly clashes: string[] = [];
  private readonly cache = new Map<string, string>();

  /**
   * The GUID of entity `id` of `table`: the id itself when it is a UUID, written in lower
   * case (GUIDs compare case-insensitively, and NVivo writes lower case), else a v5 UUID.
   */
  of(table: Table, id: string): string {
    // Cached: a derived GUID costs a SHA-1, and a coder's or code's GUID is needed once per coding.
    const key = `${table}/${id}`;
    let guid = this.cache.get(key);
    if (guid === undefined) this.cache.set(key, (guid = refiGuid(table, id).toLowerCase()));
    return guid;
  }

  /**
   * The GUID of the PlainTextSelection that carries coding `codingId`. Gloss has one
   * selection per coding; the coding's own id goes to the `Coding` element, so this one
   * is derived, and stays the same across exports.
   */
  selectionOf(codingId: string): string {
    return uuidV5(GLOSS_GUID_NAMESPACE, `plain-text-selection/${codingId}`);
  }

  /** Records that `guid` is defined by `owner` (e.g. `code "Trust"`), noting a clash with an earlier owner. */
  define(guid: string, owner: string): string {
    const earlier = this.owners.get(guid);
    if (earlier !== undefined) this.clashes.push(`${earlier} and ${owner} share the id ${guid}`);
    else this.owners.set(guid, owner);
    return guid;
  }

  /** Every clash seen so far, in the order found. */
  get conflicts(): readonly string[] {
    return this.clashes;
  }
}
