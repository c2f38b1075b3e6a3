/**
 * Matching an incoming codebook against a project: what importing it would add, match,
 * rename and update. The preview and the `importCodebook` operation both call
 * matchCodebook, so what the user is shown is exactly what the import does.
 *
 * Codes are matched by GUID first (a code Gloss exported keeps its id as its GUID, see
 * refi/guid.ts), then by their path of names. A match never moves a code: if the file
 * puts it under another parent, the project's place is kept and a warning says so,
 * because a code silently leaving its folder is harder to notice than one left behind.
 */
import { codePath } from '../../model/codes';
import { colorForIndex } from '../../model/colors';
import type { Code, GlossSet } from '../../model/schema';
import type { Patch, ProjectState } from '../../model/state';
import { refiGuid } from '../refi/guid';
import type { CodebookPreview, IncomingCode, IncomingCodebook } from './types';

export interface CodebookMatch {
  preview: CodebookPreview;
  /** The change that carries the import out: new codes (parents first), changed codes, sets. */
  patches: Patch[];
}

export interface MatchContext {
  /** ISO time for new codes' createdAt. */
  now: string;
  /** An id for a new code or set whose GUID cannot be its id. */
  newId: () => string;
}

const SEPARATOR = ' > ';
const lower = (s: string) => s.toLocaleLowerCase();

/** What importing `incoming` into `state` would do; changes nothing. */
export function previewCodebookImport(state: Readonly<ProjectState>, incoming: IncomingCodebook): CodebookPreview {
  let n = 0;
  // Ids never appear in the preview; these only keep new codes apart while matching.
  return matchCodebook(state, incoming, { now: '', newId: () => `preview-${++n}` }).preview;
}

/** Matches `incoming` against `state` and plans the change that imports it. */
export function matchCodebook(state: Readonly<ProjectState>, incoming: IncomingCodebook, ctx: MatchContext): CodebookMatch {
  const preview: CodebookPreview = {
    fileName: incoming.fileName,
    origin: incoming.origin,
    added: [],
    matched: [],
    renamed: [],
    updated: [],
    sets: { added: [], matched: [] },
    warnings: [...incoming.warnings],
  };

  /** Project codes by every GUID they answer to: the id itself, and the GUID an export writes for it. */
  const codeByGuid = new Map<string, Code>();
  for (const code of state.codes.values()) {
    codeByGuid.set(lower(code.id), code);
    codeByGuid.set(lower(refiGuid('codes', code.id)), code);
  }

  // Pass 1: claim every GUID match in the whole file before any path match, so a code
  // matched by path can never be one that a GUID elsewhere in the file points at.
  const claimedBy = new Map<IncomingCode, Code>();
  const claimed = new Set<string>();
  for (const node of walk(incoming.codes)) {
    const code = node.code.guid ? codeByGuid.get(lower(node.code.guid)) : undefined;
    if (code && !claimed.has(code.id)) {
      claimedBy.set(node.code, code);
      claimed.add(code.id);
    }
  }

  // Pass 2: top down, so every code's parent is settled (matched or added) before it.
  /** Codes as they will be after the import, by id: changed project codes and new ones. */
  const after = new Map<string, Code>();
  const newCodes: Code[] = [];
  const key = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${name}`;
  /** Project codes by parent and exact name, for matching by path. */
  const byPlace = new Map<string, Code[]>();
  /** Ids by parent and lower-case name as they will be after the import, for sibling name clashes. */
  const byFoldedName = new Map<string, Set<string>>();
  const addFolded = (parentId: string | null, name: string, id: string) => {
    const k = key(parentId, lower(name));
    const ids = byFoldedName.get(k);
    if (ids) ids.add(id);
    else byFoldedName.set(k, new Set([id]));
  };
  for (const code of state.codes.values()) {
    const k = key(code.parentId, code.name.trim());
    byPlace.set(k, [...(byPlace.get(k) ?? []), code]);
    addFolded(code.parentId, code.name, code.id);
  }
  const siblingNamed = (parentId: string | null, name: string, exceptId: string | null): boolean =>
    [...(byFoldedName.get(key(parentId, lower(name))) ?? [])].some((id) => id !== exceptId);
  /** Where each name sits after the import: "parentId\0name" → code id, for files that list a code twice. */
  const placed = new Map<string, string>();
  /** The code each file GUID ends up as, for set members. */
  const targetOfGuid = new Map<string, string>();
  const target = new Map<IncomingCode, string>();
  const current = (id: string): Code => after.get(id) ?? state.codes.get(id)!;
  const projectPath = (id: string | null) => (id === null ? 'the top level' : `“${codePath(state, id)}”`);

  for (const { code: node, parent, path, parentPath } of walk(incoming.codes)) {
    const parentId = parent ? target.get(parent)! : null;
    const name = node.name.trim();
    const byGuid = claimedBy.get(node);
    let id: string;
    if (byGuid) {
      id = byGuid.id;
      preview.matched.push({ path, by: 'guid' });
      if (byGuid.parentId !== parentId) {
        preview.warnings.push(
          `“${path}” is under ${parentPath === null ? 'the top level' : `“${parentPath}”`} in ${incoming.fileName} but under ${projectPath(byGuid.parentId)} in the project; it was left where it is.`,
        );
      }
      if (byGuid.name !== name) {
        if (siblingNamed(byGuid.parentId, name, byGuid.id)) {
          preview.warnings.push(`“${codePath(state, byGuid.id)}” was not renamed to “${name}”: a code of that name already exists beside it.`);
        } else {
          preview.renamed.push({ from: byGuid.name, to: name });
          after.set(id, { ...current(id), name });
          byFoldedName.get(key(byGuid.parentId, lower(byGuid.name)))?.delete(id);
          addFolded(byGuid.parentId, name, id);
        }
      }
      update(preview, after, current(id), node, path);
    } else {
      const twice = placed.get(key(parentId, name));
      const byPath = twice === undefined ? byPlace.get(key(parentId, name))?.find((c) => !claimed.has(c.id)) : undefined;
      if (twice !== undefined) {
        id = twice;
        preview.warnings.push(`“${path}” appears more than once in ${incoming.fileName}; read as one code.`);
      } else if (byPath) {
        id = byPath.id;
        claimed.add(id);
        preview.matched.push({ path, by: 'path' });
        update(preview, after, current(id), node, path);
      } else {
        if (siblingNamed(parentId, name, null)) preview.warnings.push(`“${path}” was added beside a code with the same name apart from upper and lower case.`);
        const guid = node.guid ? lower(node.guid) : null;
        // A new code takes the file's GUID as its id, so the next import of the same file matches it by GUID.
        id = guid && !state.codes.has(guid) && !after.has(guid) ? guid : ctx.newId();
        const code: Code = {
          id,
          name,
          color: node.color ?? colorForIndex(state.codes.size + newCodes.length),
          description: node.description,
          parentId,
          codable: node.codable,
          createdAt: ctx.now,
        };
        newCodes.push(code);
        addFolded(parentId, name, id);
        after.set(id, code);
        preview.added.push(path);
      }
    }
    target.set(node, id);
    placed.set(key(current(id).parentId, current(id).name), id);
    if (node.guid && !targetOfGuid.has(lower(node.guid))) targetOfGuid.set(lower(node.guid), id);
  }

  const patches: Patch[] = newCodes.map((value) => ({ table: 'codes', op: 'put', value }));
  for (const [id, value] of after) if (state.codes.has(id)) patches.push({ table: 'codes', op: 'put', value });
  patches.push(...matchSets(state, incoming, ctx, preview, (guid) => targetOfGuid.get(guid) ?? codeByGuid.get(guid)?.id));
  return { preview, patches };
}

/** The file's colour and description replace the project's when the file gives them and they differ. */
function update(preview: CodebookPreview, after: Map<string, Code>, code: Code, node: IncomingCode, path: string): void {
  const color = node.color !== null && node.color !== lower(code.color) ? node.color : null;
  const description = node.description.trim() !== '' && node.description !== code.description ? node.description : null;
  if (color === null && description === null) return;
  after.set(code.id, { ...code, color: color ?? code.color, description: description ?? code.description });
  preview.updated.push(path);
}

/** Code sets matched by GUID, then by name; a matched set gains the members it lacks. */
function matchSets(
  state: Readonly<ProjectState>,
  incoming: IncomingCodebook,
  ctx: MatchContext,
  preview: CodebookPreview,
  codeOf: (guid: string) => string | undefined,
): Patch[] {
  const codeSets = [...state.sets.values()].filter((set) => set.kind === 'codes');
  const setByGuid = new Map<string, GlossSet>();
  for (const set of codeSets) {
    setByGuid.set(lower(set.id), set);
    setByGuid.set(lower(refiGuid('sets', set.id)), set);
  }
  const claimed = new Set<string>();
  const newIds = new Set<string>();
  const patches: Patch[] = [];
  for (const set of incoming.sets) {
    const name = set.name.trim();
    const memberIds: string[] = [];
    for (const guid of set.memberGuids) {
      const id = codeOf(lower(guid));
      if (id === undefined) preview.warnings.push(`Set “${name}”: member ${guid} is not a code in ${incoming.fileName} or in the project; it was left out.`);
      else if (!memberIds.includes(id)) memberIds.push(id);
    }
    const byGuid = set.guid ? setByGuid.get(lower(set.guid)) : undefined;
    const existing = byGuid && !claimed.has(byGuid.id) ? byGuid : codeSets.find((s) => !claimed.has(s.id) && s.name.trim() === name);
    if (existing) {
      claimed.add(existing.id);
      preview.sets.matched.push(name);
      const missing = memberIds.filter((id) => !existing.memberIds.includes(id));
      if (missing.length > 0) patches.push({ table: 'sets', op: 'put', value: { ...existing, memberIds: [...existing.memberIds, ...missing] } });
      continue;
    }
    const guid = set.guid ? lower(set.guid) : null;
    const id = guid && !state.sets.has(guid) && !newIds.has(guid) ? guid : ctx.newId();
    newIds.add(id);
    patches.push({ table: 'sets', op: 'put', value: { id, name, description: set.description, kind: 'codes', memberIds } });
    preview.sets.added.push(name);
  }
  return patches;
}

interface Visit {
  code: IncomingCode;
  parent: IncomingCode | null;
  /** Names from the top of the file's tree, joined by " > ". */
  path: string;
  parentPath: string | null;
}

/** Every code of the tree, parents before children, in file order; a loop over a stack so deep trees cannot overflow. */
function* walk(codes: readonly IncomingCode[]): Generator<Visit> {
  const stack: Visit[] = [...codes].reverse().map((code) => ({ code, parent: null, path: code.name.trim(), parentPath: null }));
  while (stack.length > 0) {
    const visit = stack.pop()!;
    yield visit;
    for (let i = visit.code.children.length - 1; i >= 0; i--) {
      const child = visit.code.children[i]!;
      stack.push({ code: child, parent: visit.code, path: `${visit.path}${SEPARATOR}${child.name.trim()}`, parentPath: visit.path });
    }
  }
}
