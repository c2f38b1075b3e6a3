/**
 * The difference between the open project and a merged file as one Change, so a merge is
 * recorded (and undone) like any other step: a put for every entity that is new or differs,
 * a del for every entity that is gone.
 */
import { TABLES, type Entities, type ProjectFile, type ProjectMeta, type Table } from '../model/schema';
import type { Change, Patch } from '../model/state';
import { same } from './same';

/** The tables of a project as maps by id (the live state has exactly this shape). */
export type TableMaps = { readonly [T in Table]: ReadonlyMap<string, Entities[T]> } & { readonly project: ProjectMeta };

/** Maps by id of a file's tables. */
export function tableMaps(file: ProjectFile): TableMaps {
  const maps = { project: file.project } as Record<string, unknown>;
  for (const table of TABLES) maps[table] = new Map((file[table] as { id: string }[]).map((e) => [e.id, e]));
  return maps as unknown as TableMaps;
}

/**
 * The change turning `before` into `after`. The project's meta data is compared without
 * modifiedAt, which the service sets itself whenever it records a change.
 */
export function changeBetween(before: TableMaps, after: ProjectFile): Change {
  const patches: Patch[] = [];
  if (!same({ ...before.project, modifiedAt: '' }, { ...after.project, modifiedAt: '' })) patches.push({ table: 'project', op: 'put', value: after.project });
  for (const table of TABLES) {
    const old = before[table] as ReadonlyMap<string, Entities[Table]>;
    const kept = new Set<string>();
    for (const entity of after[table] as Entities[Table][]) {
      kept.add(entity.id);
      const previous = old.get(entity.id);
      if (previous === entity || (previous !== undefined && same(previous, entity))) continue;
      patches.push({ table, op: 'put', value: entity } as Patch);
    }
    for (const id of old.keys()) if (!kept.has(id)) patches.push({ table, op: 'del', id });
  }
  return { patches };
}
