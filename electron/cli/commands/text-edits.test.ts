/** `gloss edit` and `gloss anonymise` as a user runs them: node bin/gloss.mjs in a child process, real files. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss, type Run } from '../run-gloss';



let dir: string;

function gloss(...args: string[]): Promise<Run> {
  return runGloss(dir, args);
}

interface SavedCoding {
  id: string;
  documentId: string;
  start: number;
  end: number;
  quote: string;
  needsReview: boolean;
}
interface SavedProject {
  documents: { id: string; name: string; text: string }[];
  codings: SavedCoding[];
}

const readProject = async (name = 'study.gloss'): Promise<SavedProject> => JSON.parse(await fs.readFile(path.join(dir, name), 'utf8'));

/** What each coding covers in the saved file, by its id. */
async function codedTexts(name = 'study.gloss'): Promise<Record<string, string>> {
  const project = await readProject(name);
  const texts = new Map(project.documents.map((d) => [d.id, d.text]));
  return Object.fromEntries(project.codings.map((c) => [c.id, texts.get(c.documentId)!.slice(c.start, c.end)]));
}

function expectOneLineError(run: Run, message: string): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${message}\n`);
}

const POLICE = 'Interviewer: What went wrong?\nSarah: We recieved no training at all.\nSarah: The system was new.\n';
const COUNCIL = "Tom: I worked with Sarah. SARAH's team and the Sarahs were kind.\n";

async function code(doc: string, quote: string): Promise<string> {
  const run = await gloss('code', 'study.gloss', '--doc', doc, '--code', 'training gaps', '--quote', quote);
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-cli-edit-'));
  await fs.writeFile(path.join(dir, 'police.txt'), POLICE);
  await fs.writeFile(path.join(dir, 'council.txt'), COUNCIL);
  expect((await gloss('new', 'study.gloss')).code).toBe(0);
  expect((await gloss('import', 'study.gloss', 'police.txt', 'council.txt')).code).toBe(0);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss edit', () => {
  it('replaces a text from a file and reports each coding; a deleted passage is kept for review', async () => {
    const typo = await code('police', 'We recieved no training');
    const system = await code('police', 'The system was new');
    const gone = await code('police', 'at all');
    // A Windows editor saved the new text: CRLF and a BOM.
    await fs.writeFile(path.join(dir, 'police-fixed.txt'), '\ufeff' + POLICE.replace('recieved', 'received').replace(' at all', '').replace(/\n/g, '\r\n'));

    const run = await gloss('edit', 'study.gloss', '--doc', 'police', '--text-file', 'police-fixed.txt');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`study.gloss: edited the text of "police" (${POLICE.length} → ${POLICE.length - 7} characters)`);
    // Two changes in one edit are one rewritten stretch: the typo coding ends inside it and its
    // quote is gone, so it needs review as well as the deleted one.
    expect(lines.slice(1)).toEqual([
      'codings: 1 kept, 0 moved, 0 edited, 2 unplaced',
      expect.stringMatching(new RegExp(`^needs review: ${typo} in "police", code "training gaps", was "We recieved no training"$`)),
      expect.stringMatching(new RegExp(`^needs review: ${gone} in "police", code "training gaps", was "at all"$`)),
    ]);
    const project = await readProject();
    expect(project.documents.find((d) => d.name === 'police')!.text).toBe(POLICE.replace('recieved', 'received').replace(' at all', ''));
    expect((await codedTexts())[system]).toBe('The system was new');
    expect(project.codings.filter((c) => c.needsReview).map((c) => c.id).sort()).toEqual([typo, gone].sort());
    expect(project.codings).toHaveLength(3);
  });

  it('marks a coding with a typo fixed inside it as edited', async () => {
    const typo = await code('council', 'I worked with Sarah');
    await fs.writeFile(path.join(dir, 'council-fixed.txt'), COUNCIL.replace('I worked', 'I have worked'));
    const run = await gloss('edit', 'study.gloss', '--doc', 'council', '--text-file', 'council-fixed.txt');
    expect(run.stdout).toBe(
      `study.gloss: edited the text of "council" (${COUNCIL.length} → ${COUNCIL.length + 5} characters)\ncodings: 0 kept, 0 moved, 1 edited, 0 unplaced\n`,
    );
    expect((await codedTexts())[typo]).toBe('I have worked with Sarah');
    // The same text again: nothing to do, and the file is not rewritten.
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    const again = await gloss('edit', 'study.gloss', '--doc', 'council', '--text-file', 'council-fixed.txt');
    expect(again.stdout).toBe('study.gloss: document "council" already has that text; nothing was changed\n');
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
  });

  it('names the file and the problem, and changes nothing, when the text cannot be used', async () => {
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    expectOneLineError(await gloss('edit', 'study.gloss', '--doc', 'police', '--text-file', 'missing.txt'), 'gloss: missing.txt: the file does not exist; no document was changed');
    await fs.writeFile(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expectOneLineError(
      await gloss('edit', 'study.gloss', '--doc', 'police', '--text-file', 'image.png'),
      'gloss: image.png: it looks like a binary file, not text; no document was changed',
    );
    await fs.writeFile(path.join(dir, 'empty.txt'), '');
    expectOneLineError(
      await gloss('edit', 'study.gloss', '--doc', 'police', '--text-file', 'empty.txt'),
      'gloss: study.gloss: The new text of “police” is empty, which would leave its 3 codings with no words to stand on; remove the codings first, or delete the document.',
    );
    expectOneLineError(
      await gloss('edit', 'study.gloss', '--doc', 'nobody', '--text-file', 'police-fixed.txt'),
      'gloss: study.gloss: no document named "nobody" (documents: council, police)',
    );
    expectOneLineError(await gloss('edit', 'study.gloss', '--doc', 'police'), 'gloss: edit: --text-file is required (see gloss edit --help)');
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
  });
});

describe('gloss anonymise', () => {
  it('--dry-run counts occurrences and codings without changing the file', async () => {
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    const run = await gloss('anonymise', 'study.gloss', '--name', 'Sarah', '--placeholder', '[P1]', '--dry-run');
    expect(run).toEqual({
      code: 0,
      stdout:
        'study.gloss: would replace 4 occurrences of "Sarah" with "[P1]" in 2 documents; 1 coding contains it; nothing was changed\n' +
        '  2  council\n' +
        '  2  police\n',
      stderr: '',
    });
    const exact = await gloss('anonymise', 'study.gloss', '--name', 'Sarah', '--placeholder', '[P1]', '--case-sensitive', '--doc', 'council', '--dry-run');
    expect(exact.stdout).toBe('study.gloss: would replace 1 occurrence of "Sarah" with "[P1]" in 1 document; 1 coding contains it; nothing was changed\n  1  council\n');
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
  });

  it('replaces whole words in every document in one step and re-anchors the codings', async () => {
    const project = await readProject();
    const names = new Map(project.documents.map((d) => [d.id, d.name]));
    const idOf = (doc: string, quote: string) => project.codings.find((c) => names.get(c.documentId) === doc && c.quote === quote)!.id;
    const withName = idOf('council', 'I have worked with Sarah');
    const system = idOf('police', 'The system was new');

    const run = await gloss('anonymise', 'study.gloss', '--name', 'sarah', '--placeholder', '[P1]');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'study.gloss: replaced 4 occurrences of "sarah" with "[P1]" in 2 documents\n' +
        '  2  council\n' +
        '  2  police\n' +
        // The two codings waiting for review are not touched by the replacements: kept where they were.
        'codings: 3 kept, 0 moved, 1 edited, 0 unplaced\n',
    );
    const after = await readProject();
    expect(Object.fromEntries(after.documents.map((d) => [d.name, d.text]))).toEqual({
      police: 'Interviewer: What went wrong?\n[P1]: We received no training.\n[P1]: The system was new.\n',
      council: "Tom: I have worked with [P1]. [P1]'s team and the Sarahs were kind.\n",
    });
    const texts = await codedTexts();
    expect([texts[withName], texts[system]]).toEqual(['I have worked with [P1]', 'The system was new']);
    // The codings waiting for review keep their old quote, which held no name here.
    expect(after.codings.filter((c) => c.needsReview)).toHaveLength(2);
  });

  it('--forget-copies saves, then deletes the previous save that still holds the name', async () => {
    const bak = path.join(dir, 'study.gloss.bak');
    // Earlier commands saved the project, so the previous save is beside it, with Tom in it.
    expect(await fs.readFile(bak, 'utf8')).toContain('Tom:');
    const run = await gloss('anonymise', 'study.gloss', '--name', 'Tom', '--placeholder', '[P2]', '--forget-copies');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\nstudy\.gloss: deleted (\d+ backups? and )?the previous save \(study\.gloss\.bak\), which held "Tom"\n$/);
    await expect(fs.access(bak)).rejects.toThrow();
    expect((await readProject()).documents.find((d) => d.name === 'council')!.text).toMatch(/^\[P2\]: /);
  });

  it('says so when the name does not occur, and refuses a missing placeholder or an unknown document', async () => {
    const before = await fs.readFile(path.join(dir, 'study.gloss'));
    const none = await gloss('anonymise', 'study.gloss', '--name', 'Beatrice', '--placeholder', '[P2]');
    expect(none).toEqual({ code: 0, stdout: 'study.gloss: "Beatrice" does not occur as a whole word; the text was not changed\n', stderr: '' });
    expectOneLineError(await gloss('anonymise', 'study.gloss', '--name', 'Tom'), 'gloss: anonymise: --placeholder is required (see gloss anonymise --help)');
    expectOneLineError(
      await gloss('anonymise', 'study.gloss', '--name', 'Tom', '--placeholder', 'T', '--doc', 'nobody'),
      'gloss: study.gloss: no document named "nobody" (documents: council, police)',
    );
    expect(await fs.readFile(path.join(dir, 'study.gloss'))).toEqual(before);
  });

  it('is listed in gloss --help with edit', async () => {
    const help = await gloss('--help');
    expect(help.stdout).toMatch(/\n {2}edit +replace a document's text, keeping its codings on their words\n/);
    expect(help.stdout).toMatch(/\n {2}anonymise +replace a name with a placeholder in every document\n/);
    expect((await gloss('anonymise', '--help')).stdout).toMatch(new RegExp('^Usage: gloss anonymise FILE --name NAME --placeholder TEXT'));
  });
});
