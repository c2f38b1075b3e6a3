/**
 * Merging two coders' copies of one project, three-way when the file that was handed out
 * (the base) is known, else as a union. Entities are matched by id (after matching
 * documents by source or text and codes by path, see match.ts); per entity:
 *
 * - on one side only: kept, unless the base had it and the side without it deleted it
 *   while the side with it left it as it was (then the deletion wins);
 * - on both sides: merged field by field (fields.ts); a field changed on one side only
 *   takes that side's value, a field changed on both sides differently is a conflict.
 *
 * Afterwards nothing may point at an entity the merge deleted: a deletion the other side
 * still uses (a code it coded with) is not applied, and the note says so. Nothing is lost
 * without a line in the report.
 */
import { TABLES, type Code, type Coding, type Entities, type ProjectFile, type ProjectMeta, type Table } from '../model/schema';
import { changeBetween, tableMaps, type TableMaps } from './change';
import { describe, type MergeContext } from './context';
import { mergeEntity, unchangedSince } from './fields';
import { matchByContent, remapFile } from './match';
import { placeTheirsOnOurTexts } from './place-codings';
import { same } from './same';
import { matchSummaryCells } from './summaries';
import type { MergeInput, MergeReport, MergeResult } from './types';
import { mergeTrails } from '../ops/audit';

type Out = { [T in Table]: Map<string, Entities[T]> };

function emptyReport(): MergeReport {
  return {
    addedFromOurs: {},
    addedFromTheirs: {},
    matched: { byId: 0, byTextHash: 0, byCodePath: 0 },
    deleted: {},
    conflicts: [],
    reanchored: 0,
    unplaced: [],
    notes: [],
  };
}

const count = (tally: Partial<Record<Table, number>>, table: Table, by = 1) => {
  const n = (tally[table] ?? 0) + by;
  if (n === 0) delete tally[table];
  else tally[table] = n;
};

/** Merges `theirs` into `ours` (see the module comment). Pure: the inputs are not changed. */
export function mergeProjects(input: MergeInput): MergeResult {
  const report = emptyReport();
  const progress = progressOf(input);
  const ours = input.ours;
  const matches = matchByContent(ours, input.theirs);
  report.matched.byTextHash = matches.documents.size;
  report.matched.byCodePath = matches.codes.size;
  const theirs = matchSummaryCells(ours, placeTheirsOnOurTexts(ours, remapFile(input.theirs, matches), report));
  const base = input.base ? matchSummaryCells(ours, remapFile(input.base, matchByContent(ours, input.base))) : null;
  progress.step();

  const ctx: MergeContext = {
    ours: tableMaps(ours),
    theirs: tableMaps(theirs),
    base: base ? tableMaps(base) : null,
    report,
    unresolved: [],
    resolutions: input.resolutions ?? {},
    prefer: input.prefer,
  };
  noteCodersSharingAName(ctx);
  noteNoSharedDocument(ctx);
  const out = {} as Out;
  for (const table of TABLES) {
    (out as Record<Table, Map<string, Entities[Table]>>)[table] = mergeTable(ctx, table);
    progress.step();
  }
  keepWhatIsStillUsed(ctx, out);
  dropMissingMembers(out);
  breakParentCycles(ctx, out);
  progress.step();

  const project = mergeMeta(ctx, ours.project, theirs.project, base?.project ?? null);
  const merged = { format: ours.format, version: ours.version, project } as Record<string, unknown>;
  for (const table of TABLES) merged[table] = [...out[table].values()].sort(byId);
  merged.project = { ...project, modifiedAt: input.now ?? new Date().toISOString() };
  // Both sides' audit trails, each entry once: the record of what each coder did survives the merge.
  const audit = mergeTrails(ours.audit, input.theirs.audit);
  if (audit.length > 0) merged.audit = audit;
  const file = merged as unknown as ProjectFile;
  // changeBetween leaves modifiedAt out of the comparison, so the new time alone is no change.
  const change = changeBetween(ctx.ours, file);
  const changed = change.patches.length > 0 || audit.length !== (ours.audit?.length ?? 0);
  progress.step();
  return {
    // Unchanged, ours is returned as it is, so merging a project with itself rewrites the same bytes.
    file: changed ? file : ours,
    report,
    unresolved: ctx.unresolved,
    changed,
    change,
    audit,
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Progress in steps: matching, each table, the checks, the output. */
function progressOf(input: MergeInput): { step(): void } {
  const total = TABLES.length + 3;
  let done = 0;
  input.onProgress?.(0, total);
  return { step: () => input.onProgress?.(++done, total) };
}

function mergeTable<T extends Table>(ctx: MergeContext, table: T): Map<string, Entities[T]> {
  const ours = ctx.ours[table] as ReadonlyMap<string, Entities[T]>;
  const theirs = ctx.theirs[table] as ReadonlyMap<string, Entities[T]>;
  const base = ctx.base?.[table] as ReadonlyMap<string, Entities[T]> | undefined;
  const merge = mergeEntity[table] as (ctx: MergeContext, o: Entities[T], t: Entities[T], b: Entities[T] | undefined) => Entities[T];
  const out = new Map<string, Entities[T]>();
  const { report } = ctx;
  for (const [id, o] of ours) {
    const t = theirs.get(id);
    const b = base?.get(id);
    if (t !== undefined) {
      report.matched.byId++;
      out.set(id, o === t || same(o, t) ? o : merge(ctx, o, t, b));
    } else if (b !== undefined) {
      if (unchangedSince(table, o, b)) {
        count(report.deleted, table);
      } else {
        out.set(id, o);
        report.notes.push(`${describe(table, o)} was deleted in theirs but changed in ours; ours was kept.`);
      }
    } else {
      out.set(id, o);
      count(report.addedFromOurs, table);
    }
  }
  for (const [id, t] of theirs) {
    if (ours.has(id)) continue;
    const b = base?.get(id);
    if (b !== undefined && unchangedSince(table, t, b)) {
      count(report.deleted, table);
      continue;
    }
    if (b !== undefined) report.notes.push(`${describe(table, t)} was deleted in ours but changed in theirs; theirs was kept.`);
    out.set(id, t);
    count(report.addedFromTheirs, table);
  }
  return out;
}

/** A person with one name but two coder ids stays two coders (nothing is lost), and the user is told. */
function noteCodersSharingAName(ctx: MergeContext): void {
  const ours = new Map([...ctx.ours.coders.values()].map((c) => [c.name, c]));
  for (const coder of ctx.theirs.coders.values()) {
    const mine = ours.get(coder.name);
    if (mine && mine.id !== coder.id) {
      ctx.report.notes.push(
        `Two coders are called ${JSON.stringify(coder.name)} (ids ${mine.id} and ${coder.id}); they are kept apart, so no coding is lost. Rename one if they are one person.`,
      );
    }
  }
}

/**
 * Copies of one project share their documents (by id, source or text). Two files that share
 * none are most likely different studies; merging them is allowed (it can be meant, and
 * Undo takes it back) but must not pass unremarked.
 */
function noteNoSharedDocument(ctx: MergeContext): void {
  const theirs = ctx.theirs.documents;
  if (ctx.ours.documents.size === 0 || theirs.size === 0) return;
  for (const id of theirs.keys()) if (ctx.ours.documents.has(id)) return;
  const added = theirs.size === 1 ? 'its 1 document was added' : `its ${theirs.size} documents were added`;
  ctx.report.notes.push(`No document is in both files, so theirs may not be a copy of this project: ${added} next to ours.`);
}

/** The ids an entity refers to that must exist: a coding's document, code and coder, a code's parent, a memo's target, a summary's cell. */
function references(table: Table, entity: Entities[Table]): [Table, string][] {
  switch (table) {
    case 'codings': {
      const c = entity as Coding;
      return [
        ['documents', c.documentId],
        ['codes', c.codeId],
        ['coders', c.coderId],
      ];
    }
    case 'codes': {
      const parent = (entity as Code).parentId;
      return parent === null ? [] : [['codes', parent]];
    }
    case 'memos': {
      const memo = entity as Entities['memos'];
      const target: [Table, string][] = memo.target.kind === 'project' ? [] : [[`${memo.target.kind}s` as Table, memo.target.id]];
      return [...target, ['coders', memo.coderId]];
    }
    case 'summaries': {
      const summary = entity as Entities['summaries'];
      return [
        [summary.row.kind === 'case' ? 'cases' : 'documents', summary.row.id],
        ['codes', summary.codeId],
        ['coders', summary.coderId],
      ];
    }
    default:
      return [];
  }
}

/**
 * Brings back what the merge deleted but something merged still refers to: one side
 * deleted a code while the other coded with it, or a document the other side coded. The
 * version kept is ours, else theirs. (Whatever a side's entity refers to is in that side's
 * file, so there always is one; the base is never needed.)
 */
function keepWhatIsStillUsed(ctx: MergeContext, out: Out): void {
  const tables = out as Record<Table, Map<string, Entities[Table]>>;
  const pending: [Table, Entities[Table]][] = [];
  for (const table of ['codings', 'codes', 'memos', 'summaries'] as const) for (const entity of tables[table].values()) pending.push([table, entity]);
  while (pending.length > 0) {
    const [table, entity] = pending.pop()!;
    for (const [refTable, id] of references(table, entity)) {
      if (tables[refTable].has(id)) continue;
      const restored = ctx.ours[refTable].get(id) ?? ctx.theirs[refTable].get(id);
      if (!restored) continue;
      tables[refTable].set(id, restored);
      count(ctx.report.deleted, refTable, -1);
      ctx.report.notes.push(`${describe(refTable, restored)} was deleted on one side but is still used by ${describe(table, entity)}; it was kept.`);
      pending.push([refTable, restored]);
    }
  }
}

/** Cases and sets list only members that exist after the merge. */
function dropMissingMembers(out: Out): void {
  for (const [id, c] of out.cases) {
    const documentIds = c.documentIds.filter((d) => out.documents.has(d));
    if (documentIds.length !== c.documentIds.length) out.cases.set(id, { ...c, documentIds });
  }
  for (const [id, s] of out.sets) {
    const members: ReadonlyMap<string, unknown> = s.kind === 'documents' ? out.documents : out.codes;
    const memberIds = s.memberIds.filter((m) => members.has(m));
    if (memberIds.length !== s.memberIds.length) out.sets.set(id, { ...s, memberIds });
  }
}

/**
 * One side moved A under B, the other B under A: each move is fine alone, together they
 * make a loop. Every code in a loop goes back to the parent ours gave it (ours alone has
 * no loop), or to the top.
 */
function breakParentCycles(ctx: MergeContext, out: Out): void {
  for (const start of [...out.codes.values()]) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: Code | undefined = out.codes.get(start.id);
    while (code && !onPath.has(code.id)) {
      path.push(code.id);
      onPath.add(code.id);
      code = code.parentId === null ? undefined : out.codes.get(code.parentId);
    }
    if (!code) continue;
    const loop = path.slice(path.indexOf(code.id));
    for (const id of loop) {
      const current = out.codes.get(id)!;
      const parentId = ctx.ours.codes.get(id)?.parentId ?? null;
      out.codes.set(id, { ...current, parentId: parentId !== null && out.codes.has(parentId) ? parentId : null });
    }
    ctx.report.notes.push(
      `Codes ${loop.map((id) => JSON.stringify(out.codes.get(id)!.name)).join(', ')} were moved under each other on the two sides; they keep ours' places.`,
    );
  }
}

/** The project's name and description, three-way; both changed differently keeps ours, with a note. */
function mergeMeta(ctx: MergeContext, ours: ProjectMeta, theirs: ProjectMeta, base: ProjectMeta | null): ProjectMeta {
  const pick = (key: 'name' | 'description'): string => {
    if (ours[key] === theirs[key]) return ours[key];
    if (base && base[key] === ours[key]) return theirs[key];
    if (base && base[key] === theirs[key]) return ours[key];
    const side = ctx.resolutions[`project:${key}`] ?? ctx.prefer;
    if (side === 'theirs') return theirs[key];
    ctx.report.notes.push(`The project's ${key} differs (${JSON.stringify(ours[key])} here, ${JSON.stringify(theirs[key])} in theirs); ours was kept.`);
    return ours[key];
  };
  const name = pick('name');
  const description = pick('description');
  return name === ours.name && description === ours.description ? ours : { ...ours, name, description };
}
