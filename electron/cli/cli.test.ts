/**
 * The `gloss` commands on real files, run in this process through runCli (see run-gloss.ts);
 * the one test about another process holding the project starts gloss as a process.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss, spawnGloss, type Run } from './run-gloss';
import { ProjectService } from '../service/project-service';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let dir: string;

function gloss(...args: string[]): Promise<Run> {
  return runGloss(dir, args);
}

const read = (name: string) => fs.readFile(path.join(dir, name));
const readProject = async (name = 'study.gloss') => JSON.parse((await read(name)).toString('utf8'));

/** A failure the way every gloss error must look: non-zero, nothing on stdout, one line on stderr. */
function expectOneLineError(run: Run, message: string | RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof message === 'string') expect(run.stderr.trimEnd()).toBe(message);
  else expect(run.stderr.trimEnd()).toMatch(message);
}

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

/** Files to import, one per decoding case, and one that is not text. */
const INPUTS: Record<string, Buffer> = {
  'police.txt': Buffer.from('Training gaps: nobody trained us.\nWe still have training gaps today.\n', 'utf8'),
  'council.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Data sharing is slow – weeks.', 'utf8')]),
  'victims.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Support 😀 for victims\r\nsecond line', 'utf16le')]),
  'notes.md': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('# Notes\nBig-endian text')]),
  // "café – naïve" in Windows-1252: é = E9, en dash = 96, ï = EF.
  'legacy.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]),
  'windows.txt': Buffer.from('one\r\ntwo\r\nthree', 'utf8'),
  'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-cli-'));
  for (const [name, bytes] of Object.entries(INPUTS)) await fs.writeFile(path.join(dir, name), bytes);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss', () => {
  it('new creates a project and refuses to overwrite it', async () => {
    const created = await gloss('new', 'study.gloss', '--name', 'Pilot study');
    expect(created).toEqual({ code: 0, stdout: `${path.join(dir, 'study.gloss')}\n`, stderr: '' });
    const before = await read('study.gloss');
    expect(JSON.parse(before.toString()).project.name).toBe('Pilot study');

    const again = await gloss('new', 'study.gloss', '--name', 'Other');
    expectOneLineError(again, 'gloss: study.gloss already exists; choose another name.');
    expect(await read('study.gloss')).toEqual(before);
  });

  it('import decodes every encoding, refuses the binary file by name, and imports the rest', async () => {
    const run = await gloss('import', 'study.gloss', ...Object.keys(INPUTS));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^(${UUID}\\t[a-z]+\\n){6}$`));
    expect(run.stdout.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['police', 'council', 'victims', 'notes', 'legacy', 'windows']);
    expect(run.stderr).toBe(
      [
        // The import report's notes come first, then the files refused.
        'gloss: victims.txt: read as UTF-16LE.',
        'gloss: notes.md: read as UTF-16BE.',
        'gloss: legacy.txt: read as WINDOWS-1252.',
        'gloss: photo.txt: it looks like a binary file, not text; it was not imported.',
        '',
      ].join('\n'),
    );

    const texts = Object.fromEntries((await readProject()).documents.map((d: { name: string; text: string }) => [d.name, d.text]));
    expect(texts).toEqual({
      police: 'Training gaps: nobody trained us.\nWe still have training gaps today.\n',
      council: 'Data sharing is slow – weeks.',
      victims: 'Support 😀 for victims\nsecond line',
      notes: '# Notes\nBig-endian text',
      legacy: 'café – naïve',
      windows: 'one\ntwo\nthree',
    });
  });

  it('import skips a file whose content is already in the project, unless --copies', async () => {
    const skipped = await gloss('import', 'study.gloss', 'police.txt');
    expectOneLineError(
      skipped,
      'gloss: police.txt: the project already has this content (“police”); it was not imported (use --copies to import a copy).',
    );
    expect((await readProject()).documents).toHaveLength(6);
    const copied = await gloss('import', 'study.gloss', '--copies', 'police.txt');
    expect(copied.code).toBe(0);
    // The copy gets a name of its own, so --doc can tell the two apart.
    expect(copied.stdout).toMatch(new RegExp(`^${UUID}\\tpolice \\(txt\\)\\n$`));
    const names = (await readProject()).documents.map((d: { name: string }) => d.name).sort();
    expect(names.filter((n: string) => n.startsWith('police'))).toEqual(['police', 'police (txt)']);
    // Remove the copy again so the later tests see one "police" document.
    const id = copied.stdout.split('\t')[0]!;
    const project = await readProject();
    await fs.writeFile(
      path.join(dir, 'study.gloss'),
      JSON.stringify({ ...project, documents: project.documents.filter((d: { id: string }) => d.id !== id) }),
    );
  });

  it('code finds the Nth occurrence of a quote and creates the code', async () => {
    const run = await gloss('code', 'study.gloss', '--doc', 'police', '--code', 'training gaps', '--quote', 'training gaps', '--occurrence', '1');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^${UUID}\\n$`));
    const second = await gloss('code', 'study.gloss', '--doc', 'police', '--code', 'Training Gaps', '--quote', 'raining', '--occurrence', '2');
    expect(second.code).toBe(0);

    const project = await readProject();
    expect(project.codes).toHaveLength(1); // "Training Gaps" found the existing code
    const police = project.documents.find((d: { name: string }) => d.name === 'police');
    const coding = project.codings.find((c: { id: string }) => c.id === run.stdout.trim());
    const text = 'Training gaps: nobody trained us.\nWe still have training gaps today.\n';
    // Case matters when finding the quote: the first "training gaps" is in the second line.
    expect(coding).toMatchObject({ documentId: police.id, start: text.indexOf('training gaps'), end: text.indexOf('training gaps') + 13, quote: 'training gaps' });
    const other = project.codings.find((c: { id: string }) => c.id === second.stdout.trim());
    expect(other.start).toBe(text.indexOf('raining', text.indexOf('raining') + 1));
  });

  it('code with --start/--end creates a nested code path for a named coder', async () => {
    const args = ['code', 'study.gloss', '--doc', 'legacy', '--code', 'Barriers > Data sharing', '--start', '0', '--end', '4', '--coder', 'Alice'];
    const first = await gloss(...args);
    expect(first.code).toBe(0);
    const again = await gloss(...args);
    expect(again.stdout).toBe(first.stdout); // same span, code and coder: not coded twice

    const project = await readProject();
    const byName = Object.fromEntries(project.codes.map((c: { name: string; id: string }) => [c.name, c]));
    expect(byName['Data sharing'].parentId).toBe(byName.Barriers.id);
    expect(byName.Barriers.parentId).toBeNull();
    const coding = project.codings.find((c: { id: string }) => c.id === first.stdout.trim());
    expect(coding).toMatchObject({ start: 0, end: 4, quote: 'café', codeId: byName['Data sharing'].id });
    expect(project.coders.filter((c: { name: string }) => c.name === 'Alice')).toHaveLength(1);
    expect(project.coders.find((c: { id: string }) => c.id === coding.coderId).name).toBe('Alice');
  });

  it('export writes the excerpts and codebook CSV with a BOM and the exact headers', async () => {
    const run = await gloss('export', 'study.gloss', '--excerpts', 'excerpts.csv', '--codebook', 'codebook.csv');
    expect(run).toEqual({ code: 0, stdout: `${path.join(dir, 'excerpts.csv')}\n${path.join(dir, 'codebook.csv')}\n`, stderr: '' });

    const excerpts = await read('excerpts.csv');
    expect([...excerpts.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const project = await readProject();
    const createdAt = (quote: string) => project.codings.find((c: { quote: string }) => c.quote === quote).createdAt;
    const coder = project.coders.find((c: { name: string }) => c.name !== 'Alice').name;
    expect(excerpts.toString('utf8')).toBe(
      '\ufeffdocument,code,code_path,coder,start,end,text,memo,created_at\r\n' +
        `legacy,Data sharing,Barriers > Data sharing,Alice,0,4,café,,${createdAt('café')}\r\n` +
        `police,training gaps,training gaps,${coder},48,61,training gaps,,${createdAt('training gaps')}\r\n` +
        `police,training gaps,training gaps,${coder},49,56,raining,,${createdAt('raining')}\r\n`,
    );

    const codebook = (await read('codebook.csv')).toString('utf8');
    expect(codebook).toBe(
      '\ufeffcode,code_path,parent,description,color,codings,documents\r\n' +
        `Barriers,Barriers,,,${project.codes.find((c: { name: string }) => c.name === 'Barriers').color},0,0\r\n` +
        `Data sharing,Barriers > Data sharing,Barriers,,${project.codes.find((c: { name: string }) => c.name === 'Data sharing').color},1,1\r\n` +
        `training gaps,training gaps,,,${project.codes.find((c: { name: string }) => c.name === 'training gaps').color},2,1\r\n`,
    );
  });

  it('export --qdc writes the REFI-QDA codebook with the code hierarchy', async () => {
    const run = await gloss('export', 'study.gloss', '--qdc', 'codebook.qdc');
    expect(run).toEqual({ code: 0, stdout: `${path.join(dir, 'codebook.qdc')}\n`, stderr: '' });
    const xml = (await read('codebook.qdc')).toString('utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="Gloss">/);
    expect(xml).toMatch(/<Code [^>]*name="Barriers"[^>]*>(?:(?!<\/Code>)[\s\S])*<Code [^>]*name="Data sharing"/);
    const same = await gloss('export', 'study.gloss', '--qdc', 'x.qdc', '--codebook', 'x.qdc');
    expectOneLineError(same, 'gloss: export: two outputs name the same file');
  });

  it('info --json prints one object of counts', async () => {
    const run = await gloss('info', 'study.gloss', '--json');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const info = JSON.parse(run.stdout);
    expect(info).toMatchObject({ project: 'Pilot study', documents: 6, codes: 3, codings: 3, memos: 0 });
    expect(info.perCode.map((c: { path: string; codings: number }) => [c.path, c.codings])).toEqual([
      ['Barriers', 0],
      ['Barriers > Data sharing', 1],
      ['training gaps', 2],
    ]);
  });

  it('reports bad input in one line, exits non-zero and leaves the project as it was', async () => {
    const before = await read('study.gloss');
    // Commands that change a project take its lock; each gets its own copy so they can run at once.
    const copies = ['a', 'b', 'c', 'd'].map((n) => `${n}.gloss`);
    await Promise.all(copies.map((c) => fs.writeFile(path.join(dir, c), before)));
    const [unknownDoc, notFound, tooFew, pastEnd, missing, noOutput] = await Promise.all([
      gloss('code', 'a.gloss', '--doc', 'X', '--code', 'c', '--quote', 'a'),
      gloss('code', 'b.gloss', '--doc', 'council', '--code', 'New code', '--quote', 'not in there'),
      gloss('code', 'c.gloss', '--doc', 'police', '--code', 'Barriers > New', '--quote', 'training gaps', '--occurrence', '3'),
      gloss('code', 'd.gloss', '--doc', 'legacy', '--code', 'x', '--start', '2', '--end', '99'),
      gloss('info', 'nothing.gloss'),
      gloss('export', 'study.gloss', '--excerpts', 'no-such-folder/out.csv'),
    ]);
    expectOneLineError(unknownDoc, 'gloss: a.gloss: no document named "X" (documents: council, legacy, notes, police, victims, windows)');
    expectOneLineError(notFound, 'gloss: b.gloss: "not in there" does not occur in document "council"');
    expectOneLineError(tooFew, 'gloss: c.gloss: "training gaps" occurs once in document "police", so there is no occurrence 3');
    expectOneLineError(pastEnd, 'gloss: d.gloss: --end 99 is past the end of document "legacy" (12 characters)');
    expectOneLineError(missing, 'gloss: nothing.gloss: the file does not exist. Create it with: gloss new nothing.gloss');
    expectOneLineError(noOutput, `gloss: out.csv: could not be written: the folder ${path.join(dir, 'no-such-folder')} does not exist`);
    for (const file of ['study.gloss', ...copies]) expect(await read(file), file).toEqual(before);
    // Nothing written: no backups, locks or temp files beside the copies.
    expect((await fs.readdir(dir)).filter((f) => /^\.|\.(bak|lock)$/.test(f) && !f.startsWith('study.gloss'))).toEqual([]);
  });

  it('refuses to change a project open elsewhere, naming the holder, but still reads it', async () => {
    const before = await read('study.gloss');
    // This test process holds the lock, as an open Gloss window would.
    const holder = await ProjectService.open(path.join(dir, 'study.gloss'), { coder: { id: 'h', name: 'Holder', color: '#000000' } });
    try {
      // Processes of their own: the lock names this process, which a gloss in it would own.
      const [code, info] = await Promise.all([
        spawnGloss(dir, ['code', 'study.gloss', '--doc', 'council', '--code', 'delays', '--quote', 'slow']),
        spawnGloss(dir, ['info', 'study.gloss', '--json']),
      ]);
      expectOneLineError(code, new RegExp(`^gloss: study\\.gloss is already open in Gloss by .+ \\(process ${process.pid}, since `));
      expect(JSON.parse(info.stdout).codings).toBe(3);
    } finally {
      await holder.close();
    }
    expect(await read('study.gloss')).toEqual(before);
  }, 60_000);
});
