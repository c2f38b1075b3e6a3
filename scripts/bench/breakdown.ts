/**
 * Where the time of open, save and export goes, section by section, by calling the same
 * shared functions the service calls. Printed by `npm run bench -- --breakdown`; it is
 * the first thing to look at when a figure misses its target.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { validateProject } from '../../shared/model/parse';
import { projectFileSchema } from '../../shared/model/schema';
import { fileFromState, stateFromFile } from '../../shared/model/state';
import { serializeProject } from '../../shared/model/serialize';
import { excerptRows, EXCERPTS_HEADER } from '../../shared/export/csv-excerpts';
import { toCsv } from '../../shared/export/csv';
import { writeFileDurably } from '../../electron/service/durable-file';
import { median, now, rounds, collectGarbage } from './measure';
import { REPEATS, WARMUPS } from './scenarios';

export interface Section {
  name: string;
  ms: number;
}

/**
 * Runs `steps` in order, timing each; a step gets the previous step's result. A GC before
 * every step keeps one step's garbage from being billed to the next.
 */
async function sections(steps: [string, (input: unknown) => unknown][]): Promise<Section[]> {
  const figures = await rounds(WARMUPS, REPEATS, async () => {
    const out: Record<string, number> = {};
    let value: unknown;
    for (const [name, step] of steps) {
      collectGarbage();
      const start = now();
      value = await step(value);
      out[name] = now() - start;
    }
    return out;
  });
  return steps.map(([name]) => ({ name, ms: median(figures[name] ?? []) }));
}

/** Open, save and export of `file` split into the steps the service takes. */
export async function breakdown(file: string): Promise<Record<'open' | 'save' | 'export' | 'export baseline', Section[]>> {
  const copy = path.join(path.dirname(file), 'breakdown.gloss');
  const exportCopy = path.join(path.dirname(file), 'breakdown.csv');
  await fs.copyFile(file, copy);
  const open = await sections([
    ['readFile', () => fs.readFile(file, 'utf8')],
    ['JSON.parse', (text) => JSON.parse(text as string)],
    ['zod schema (projectFileSchema.safeParse)', (raw) => (projectFileSchema.safeParse(raw), raw)],
    ['validateProject (migrate + zod + references)', (raw) => validateProject(raw)],
    ['stateFromFile (maps + indexes)', (parsed) => stateFromFile((parsed as { ok: true; value: never }).value)],
  ]);
  const state = stateFromFile(JSON.parse(await fs.readFile(file, 'utf8')));
  const save = await sections([
    ['fileFromState (sort every table by id)', () => fileFromState(state)],
    ['serializeProject', (data) => serializeProject(data as never)],
    ['writeFileDurably (temp, fsync, .bak copy, rename)', (text) => writeFileDurably(copy, text as string, true)],
    ['copyFile alone (the .bak step, for scale)', () => fs.copyFile(copy, `${copy}.bak`)],
  ]);
  const exported = await sections([
    ['excerptRows (sort, paths, slices)', () => excerptRows(state)],
    ['toCsv (quoting, formula guard)', (rows) => toCsv(EXCERPTS_HEADER, rows as never)],
    ['writeFileDurably (temp, fsync, rename)', (text) => writeFileDurably(exportCopy, text as string, false)],
  ]);
  const rows = excerptRows(state);
  const exportBaseline = await sections([
    ['join rows (no quoting; the baseline)', () => rows.map((row) => row.join(',')).join('\n')],
    ['write + fsync', async (text) => {
      const handle = await fs.open(exportCopy, 'w');
      try {
        await handle.writeFile(text as string, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }],
  ]);
  await fs.rm(exportCopy, { force: true });
  await fs.rm(copy, { force: true });
  await fs.rm(`${copy}.bak`, { force: true });
  return { open, save, export: exported, 'export baseline': exportBaseline };
}

/** The breakdown as indented lines. */
export function breakdownTable(parts: Record<string, Section[]>): string {
  const lines: string[] = ['Where the time goes (median of each step; validateProject includes the zod line):'];
  for (const [part, list] of Object.entries(parts)) {
    lines.push(`  ${part}`);
    const width = Math.max(...list.map((s) => s.name.length));
    for (const s of list) lines.push(`    ${s.name.padEnd(width)}  ${s.ms.toFixed(1).padStart(8)} ms`);
  }
  return lines.join('\n');
}
