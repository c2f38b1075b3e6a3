/** gloss merge as a user runs it: files in, a merged file and a report out, exit codes for scripts and git. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../shared/model/schema';
import { serializeProject } from '../../shared/model/serialize';
import { emptyProjectFile } from '../../shared/model/state';
import { quoteAt } from '../../shared/text/quote';
import { runGloss, type Run } from './run-gloss';

const T0 = '2026-01-01T00:00:00.000Z';
const TEXT = 'We never had training on the new system. Data sharing took weeks.';

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);
const write = (name: string, file: ProjectFile) => fs.writeFile(path.join(dir, name), serializeProject(file));
const read = async (name: string): Promise<ProjectFile> => JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as ProjectFile;

function coding(id: string, quote: string, codeId: string, coderId: string) {
  const start = TEXT.indexOf(quote);
  return { id, documentId: 'd1', codeId, coderId, start, end: start + quote.length, ...quoteAt(TEXT, start, start + quote.length), createdAt: T0, needsReview: false };
}

function base(): ProjectFile {
  const file = emptyProjectFile('Study', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' }, { id: 'bob', name: 'Bob', color: '#0000bb' });
  file.documents.push({ id: 'd1', name: 'Interview 1', text: TEXT, createdAt: T0, source: null, attributes: {}, structure: [] });
  file.codes.push({ id: 'k-trust', name: 'Trust', color: '#112233', description: '', parentId: null, codable: true, createdAt: T0 });
  return file;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-merge-'));
  const b = base();
  const ours = structuredClone(b);
  ours.codings.push(coding('g-alice', 'never had training', 'k-trust', 'alice'));
  ours.codes[0]!.name = 'Trust (ours)';
  const theirs = structuredClone(b);
  theirs.codings.push(coding('g-bob', 'Data sharing took weeks', 'k-trust', 'bob'));
  theirs.codes[0]!.name = 'Trust (theirs)';
  await write('base.gloss', b);
  await write('ours.gloss', ours);
  await write('theirs.gloss', theirs);
  await fs.writeFile(path.join(dir, 'empty.gloss'), '');
  await fs.writeFile(path.join(dir, 'broken.gloss'), '{"format": "gloss-project", "version": 1');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Each run starts node and tsx (seconds on a busy machine); a test makes several. */
describe('gloss merge', { timeout: 60_000 }, () => {
  it('writes OUT with ours kept where a conflict is unresolved, reports it, and exits 1', async () => {
    const run = await gloss('merge', 'ours.gloss', 'theirs.gloss', '--base', 'base.gloss', '-o', 'out.gloss');
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'Merged theirs.gloss into ours.gloss (base base.gloss); wrote out.gloss.',
      'Added from ours.gloss: 1 coding',
      'Added from theirs.gloss: 1 coding',
      'Matched: 4 items (documents, codes, codings…) by id, 0 documents by text hash, 0 codes by path',
      'Deleted: nothing',
      'Re-anchored by quote: 0 codings',
      'Conflicts: 1',
      '  codes:k-trust:name  Code "Trust (ours)" renamed two ways  [unresolved, ours kept]',
      '    ours:   "Trust (ours)"',
      '    theirs: "Trust (theirs)"',
      '    base:   "Trust"',
    ]);
    expect(run.stderr).toBe(
      "gloss: one conflict is unresolved (codes:k-trust:name); out.gloss keeps ours.gloss's values. Settle them with --pick ID=ours|theirs, or --ours / --theirs.\n",
    );
    const out = await read('out.gloss');
    expect(out.codes.map((c) => c.name)).toEqual(['Trust (ours)']);
    expect(out.codings.map((c) => c.id)).toEqual(['g-alice', 'g-bob']);
  });

  it('settles conflicts with --pick, which wins over --ours, and exits 0', async () => {
    const picked = await gloss('merge', 'ours.gloss', 'theirs.gloss', '--base', 'base.gloss', '-o', 'picked.gloss', '--ours', '--pick', 'codes:k-trust:name=theirs');
    expect(picked.code, picked.stderr).toBe(0);
    expect(picked.stdout).toContain('  codes:k-trust:name  Code "Trust (ours)" renamed two ways  [theirs chosen]');
    expect((await read('picked.gloss')).codes[0]!.name).toBe('Trust (theirs)');

    const ours = await gloss('merge', 'ours.gloss', 'theirs.gloss', '--base', 'base.gloss', '-o', 'kept.gloss', '--ours');
    expect(ours.code).toBe(0);
    expect((await read('kept.gloss')).codes[0]!.name).toBe('Trust (ours)');
  });

  it('merges into OURS itself (the git driver case) and treats an empty base as none', async () => {
    await fs.copyFile(path.join(dir, 'ours.gloss'), path.join(dir, 'a.gloss'));
    const run = await gloss('merge', '--base', 'empty.gloss', 'a.gloss', 'theirs.gloss', '-o', 'a.gloss', '--theirs');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Merged theirs.gloss into a.gloss; wrote a.gloss.');
    const merged = await read('a.gloss');
    expect(merged.codings.map((c) => c.id)).toEqual(['g-alice', 'g-bob']);
    expect(merged.codes[0]!.name).toBe('Trust (theirs)');
    // No temp or backup file is left beside it (git's %A lives in the work tree).
    expect((await fs.readdir(dir)).filter((f) => f.startsWith('.') || f.endsWith('.bak'))).toEqual([]);
  });

  it('merging a project with itself rewrites the same bytes', async () => {
    const run = await gloss('merge', 'ours.gloss', 'ours.gloss', '--base', 'base.gloss', '-o', 'self.gloss');
    expect(run.code).toBe(0);
    expect(await fs.readFile(path.join(dir, 'self.gloss'), 'utf8')).toBe(await fs.readFile(path.join(dir, 'ours.gloss'), 'utf8'));
  });

  it('refuses a bad command line with exit 2', async () => {
    const pick = await gloss('merge', 'ours.gloss', 'theirs.gloss', '-o', 'x.gloss', '--pick', 'codes:k-trust:name=mine');
    expect(pick.code).toBe(2);
    expect(pick.stderr).toBe('gloss: merge: --pick "codes:k-trust:name=mine" must look like CONFLICT-ID=ours or CONFLICT-ID=theirs\n');
    const unknown = await gloss('merge', 'ours.gloss', 'theirs.gloss', '--base', 'base.gloss', '-o', 'x.gloss', '--pick', 'codes:nope:name=ours');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('gloss: merge: --pick names no conflict of this merge: codes:nope:name (conflicts: codes:k-trust:name)\n');
    const noOut = await gloss('merge', 'ours.gloss', 'theirs.gloss');
    expect(noOut.code).toBe(2);
    const both = await gloss('merge', 'ours.gloss', 'theirs.gloss', '-o', 'x.gloss', '--ours', '--theirs');
    expect(both.code).toBe(2);
  });

  it('refuses a file that is not a project, naming it, and writes nothing', async () => {
    const broken = await gloss('merge', 'ours.gloss', 'broken.gloss', '-o', 'x.gloss');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^gloss: broken\.gloss could not be opened: it is not valid JSON \(.*\)\. The file was left untouched\.\n$/);
    await expect(fs.access(path.join(dir, 'x.gloss'))).rejects.toThrow();
  });
});
