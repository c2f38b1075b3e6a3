/**
 * What every step of a QDPX import shares: the report it writes to, ids (GUIDs kept where
 * they can be, so a re-export keeps them), timestamps, and the coders made from Users.
 */
import { colorForIndex } from '../../model/colors';
import type { Coder, Table } from '../../model/schema';
import type { ExchangeReport } from '../report';
import { isGuid } from './guid';
import { normalGuid } from './qde-read';

/** Shortens a name for a message. */
export function short(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export class ImportContext {
  readonly report: ExchangeReport;
  private readonly used = new Map<Table, Set<string>>();
  private readonly coderByUser = new Map<string, Coder>();
  readonly coders: Coder[] = [];
  private unknownCoder: Coder | null = null;
  /** Users named by something but not listed in Users, counted for one warning. */
  private unknownUsers = 0;

  constructor(
    fileName: string,
    origin: string | null,
    readonly now: string,
    private readonly makeId: () => string,
  ) {
    this.report = { fileName, origin, positions: null, imported: {}, skipped: [], warnings: [] };
  }

  warn(message: string): void {
    this.report.warnings.push(message);
  }

  skip(item: string, reason: string, codings?: number): void {
    this.report.skipped.push(codings ? { item, reason, codings } : { item, reason });
  }

  /**
   * The id for an entity of `table` written with `guid`: the GUID itself (lower case, no
   * braces) when it is one and not yet used in that table, else a new id. `what` names the
   * entity in the warning about a repeated GUID.
   */
  idFor(table: Table, guid: string | null, what: string): string {
    let ids = this.used.get(table);
    if (!ids) this.used.set(table, (ids = new Set()));
    const g = normalGuid(guid);
    if (g && isGuid(g) && !ids.has(g)) {
      ids.add(g);
      return g;
    }
    if (g && ids.has(g)) this.warn(`${what} has the same GUID as another one (${g}); it was given a new id.`);
    let id = this.makeId();
    while (ids.has(id)) id = this.makeId();
    ids.add(id);
    return id;
  }

  /** A timestamp as ISO 8601 in UTC; `now` when missing or unreadable. A time without a zone is taken as UTC. */
  time(value: string | null | undefined): string {
    if (!value) return this.now;
    const v = value.trim();
    const withZone = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(v) || !v.includes('T') ? v : `${v}Z`;
    const ms = Date.parse(withZone);
    return Number.isNaN(ms) ? this.now : new Date(ms).toISOString();
  }

  /** Makes one coder per REFI-QDA User. */
  addUsers(users: readonly { guid: string | null; name: string | null; id: string | null }[]): void {
    for (const user of users) {
      const guid = normalGuid(user.guid);
      if (guid && this.coderByUser.has(guid)) continue;
      const name = user.name?.trim() || user.id?.trim() || (guid ? `User ${guid.slice(0, 8)}` : 'Unnamed user');
      const coder: Coder = { id: this.idFor('coders', user.guid, `User “${name}”`), name, color: colorForIndex(this.coders.length) };
      this.coders.push(coder);
      if (guid) this.coderByUser.set(guid, coder);
    }
  }

  /** The coder id for a creatingUser GUID; one "Unknown coder" stands for missing and unlisted users. */
  coderFor(user: string | null): string {
    const guid = normalGuid(user);
    const known = guid ? this.coderByUser.get(guid) : undefined;
    if (known) return known.id;
    this.unknownUsers++;
    if (!this.unknownCoder) {
      this.unknownCoder = { id: this.idFor('coders', null, 'coder'), name: 'Unknown coder', color: colorForIndex(this.coders.length) };
      this.coders.push(this.unknownCoder);
    }
    return this.unknownCoder.id;
  }

  /** Adds the warning about work whose author is not known, once. */
  finishCoders(): void {
    if (this.unknownUsers > 0) {
      this.warn(
        `${this.unknownUsers} coding${this.unknownUsers === 1 ? '' : 's'} or note${this.unknownUsers === 1 ? '' : 's'} name no user listed in the project; they were given the coder “Unknown coder”.`,
      );
    }
  }
}
