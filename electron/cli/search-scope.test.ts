/** gloss search and gloss autocode narrowed by --inside CODE and --uncoded. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss } from './run-gloss';

let dir: string;
const gloss = (...args: string[]) => runGloss(dir, args);
const POLICE = 'Training gaps: nobody trained us in training.\nWe still have training gaps today.\n';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-search-scope-'));
  await fs.writeFile(path.join(dir, 'police.txt'), POLICE);
  expect((await gloss('new', 'study.gloss')).code).toBe(0);
  expect((await gloss('import', 'study.gloss', 'police.txt')).code).toBe(0);
  const coded = await gloss('code', 'study.gloss', '--doc', 'police', '--code', 'Barriers > Training', '--quote', 'nobody trained us in training');
  expect(coded.code, coded.stderr).toBe(0);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Hit = { document: string; start: number; end: number; text: string };
const starts = (stdout: string) => (JSON.parse(stdout) as Hit[]).map((h) => h.start);

describe('--inside and --uncoded', () => {
  it('search only inside codings of a code (with its sub-codes), or only where no coding touches', async () => {
    const all = await gloss('search', 'study.gloss', 'training', '--json');
    expect(starts(all.stdout)).toEqual([0, POLICE.indexOf('in training') + 3, POLICE.lastIndexOf('training')]);
    // The parent names its sub-code's codings too.
    const inside = await gloss('search', 'study.gloss', 'training', '--inside', 'Barriers', '--json');
    expect(inside.code, inside.stderr).toBe(0);
    expect(starts(inside.stdout)).toEqual([POLICE.indexOf('in training') + 3]);
    const uncoded = await gloss('search', 'study.gloss', 'training', '--uncoded', '--json');
    expect(starts(uncoded.stdout)).toEqual([0, POLICE.lastIndexOf('training')]);
  });

  it('narrow an auto-code the same way, and refuse an unknown code or both at once', async () => {
    const run = await gloss('autocode', 'study.gloss', 'training', '--code', 'Mentions', '--uncoded', '--dry-run', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ hits: 2, created: 2 });
    const unknown = await gloss('search', 'study.gloss', 'training', '--inside', 'Nothing');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no code named "Nothing" for --inside');
    const both = await gloss('search', 'study.gloss', 'training', '--inside', 'Barriers', '--uncoded');
    expect(both.stderr).toContain('--inside and --uncoded exclude each other');
  });
});
