/** gloss search and gloss autocode on real files, in this process (run-gloss.ts). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss } from './run-gloss';

let dir: string;
const gloss = (...args: string[]) => runGloss(dir, args);
const bytes = () => fs.readFile(path.join(dir, 'study.gloss'));

const POLICE = 'Training gaps: nobody trained us.\nWe still have training gaps today.\n';
const INTERVIEW = 'Interviewer: Did you get training?\nOfficer A: No training at all. We guessed.\n\nInterviewer: Now?\nOfficer A: Monthly training now.\n';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-search-'));
  await fs.writeFile(path.join(dir, 'police.txt'), POLICE);
  await fs.writeFile(path.join(dir, 'council.txt'), 'Retraining is slow 😀 training.');
  await fs.writeFile(path.join(dir, 'interview-03.txt'), INTERVIEW);
  expect((await gloss('new', 'study.gloss')).code).toBe(0);
  expect((await gloss('import', 'study.gloss', 'police.txt', 'council.txt', 'interview-03.txt')).code).toBe(0);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Hit = { document: string; start: number; end: number; text: string };

describe('gloss search', () => {
  it('prints the hits as one JSON array in document order, then by start, with UTF-16 offsets', async () => {
    const run = await gloss('search', 'study.gloss', 'training', '--json');
    expect(run.code, run.stderr).toBe(0);
    const hits = JSON.parse(run.stdout) as Hit[];
    // Documents by name, as the documents list shows them.
    expect(hits.map((h) => [h.document, h.start, h.end, h.text])).toEqual([
      ['council', 2, 10, 'training'],
      // The emoji before it is two UTF-16 code units.
      ['council', 22, 30, 'training'],
      ['interview-03', 25, 33, 'training'],
      ['interview-03', 49, 57, 'training'],
      ['interview-03', INTERVIEW.lastIndexOf('training'), INTERVIEW.lastIndexOf('training') + 8, 'training'],
      ['police', 0, 8, 'Training'],
      ['police', 48, 56, 'training'],
    ]);
    const texts = { police: POLICE, 'interview-03': INTERVIEW } as Record<string, string>;
    for (const h of hits) if (texts[h.document]) expect(texts[h.document]!.slice(h.start, h.end)).toBe(h.text);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('takes --whole-word, --case-sensitive and --regex', async () => {
    const whole = JSON.parse((await gloss('search', 'study.gloss', 'training', '--whole-word', '--json')).stdout) as Hit[];
    expect(whole.some((h) => h.document === 'council' && h.start === 2)).toBe(false);
    const cased = JSON.parse((await gloss('search', 'study.gloss', 'Training', '--case-sensitive', '--json')).stdout) as Hit[];
    expect(cased.map((h) => h.text)).toEqual(['Training']);
    const regex = JSON.parse((await gloss('search', 'study.gloss', '^\\w+(?=:)', '--regex', '--json')).stdout) as Hit[];
    expect(regex.map((h) => h.text)).toEqual(['Interviewer', 'Interviewer']);
  });

  it('narrows with --doc given by name, source file name or id, any number of times', async () => {
    const byFile = JSON.parse((await gloss('search', 'study.gloss', 'training', '--doc', 'council.txt', '--json')).stdout) as Hit[];
    expect(new Set(byFile.map((h) => h.document))).toEqual(new Set(['council']));
    const project = JSON.parse((await bytes()).toString('utf8')) as { documents: { id: string; name: string }[] };
    const policeId = project.documents.find((d) => d.name === 'police')!.id;
    const two = JSON.parse((await gloss('search', 'study.gloss', 'training', '--doc', policeId, '--doc', 'interview-03', '--json')).stdout) as Hit[];
    expect(two.map((h) => h.document)).toEqual(['interview-03', 'interview-03', 'interview-03', 'police', 'police']);
    const missing = await gloss('search', 'study.gloss', 'training', '--doc', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('gloss: study.gloss: no document named "nope" (documents: council, interview-03, police)\n');
  });

  it('lists hits for a person, then the count', async () => {
    const run = await gloss('search', 'study.gloss', 'gaps');
    expect(run.stdout).toBe(['police (2 hits)', '  9–13  Training [gaps]: nobody trained us.', '  57–61  We still have training [gaps] today.', 'study.gloss: 2 hits in 1 document', ''].join('\n'));
  });

  it('refuses a bad regular expression, saying where it is wrong', async () => {
    const run = await gloss('search', 'study.gloss', 'train(ing', '--regex');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloss: search: not a valid regular expression: a group opened with ( is never closed at character 6 ("(" in "train(ing")\n',
    });
  });
});

describe('gloss autocode', () => {
  it('with --dry-run counts what it would create and leaves the project byte-identical', async () => {
    const before = await bytes();
    const run = await gloss('autocode', 'study.gloss', 'training', '--code', 'Learning > Gaps', '--scope', 'sentence', '--dry-run', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ hits: 7, created: 6, alreadyCoded: 0, merged: 1, skipped: 0, documents: 3, code: 'Gaps', scope: 'sentence', dryRun: true });
    expect(await bytes()).toEqual(before);
  });

  it('codes the passages as the coder, records the auto-code, and creates nothing the second time', async () => {
    const run = await gloss('autocode', 'study.gloss', 'training', '--code', 'Learning > Gaps', '--scope', 'sentence', '--coder', 'Ana', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ hits: 7, created: 6, merged: 1, dryRun: false });
    const project = JSON.parse((await bytes()).toString('utf8'));
    const gaps = project.codes.find((c: { name: string }) => c.name === 'Gaps');
    const learning = project.codes.find((c: { name: string }) => c.name === 'Learning');
    expect(gaps.parentId).toBe(learning.id);
    const codings = project.codings.filter((c: { codeId: string }) => c.codeId === gaps.id);
    // The file keeps codings in no particular order: compare them sorted.
    expect(codings.map((c: { quote: string }) => c.quote).sort()).toEqual([
      'Training gaps: nobody trained us.',
      'We still have training gaps today.',
      'Retraining is slow 😀 training.',
      'Did you get training?',
      'No training at all.',
      'Monthly training now.',
    ].sort());
    const ana = project.coders.find((c: { name: string }) => c.name === 'Ana');
    expect(codings.every((c: { coderId: string }) => c.coderId === ana.id)).toBe(true);
    expect(codings.find((c: { quote: string }) => c.quote === 'Did you get training?').origin).toMatchObject({ kind: 'autocode', query: { text: 'training', regex: false, caseSensitive: false, wholeWord: false }, scope: 'sentence' });

    const before = await bytes();
    const again = await gloss('autocode', 'study.gloss', 'training', '--code', 'Learning > Gaps', '--scope', 'sentence', '--coder', 'Ana', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ hits: 7, created: 0, alreadyCoded: 7 });
    expect(await bytes()).toEqual(before);
  });

  it('codes every turn of a speaker, without the label', async () => {
    const run = await gloss('autocode', 'study.gloss', '--speaker', 'officer a', '--code', 'Officer', '--doc', 'interview-03');
    expect(run).toEqual({ code: 0, stdout: 'study.gloss: created 2 codings of "Officer" in 1 document from 2 turns\n', stderr: '' });
    const project = JSON.parse((await bytes()).toString('utf8'));
    const officer = project.codes.find((c: { name: string }) => c.name === 'Officer');
    expect(project.codings.filter((c: { codeId: string }) => c.codeId === officer.id).map((c: { quote: string }) => c.quote).sort()).toEqual([
      'Monthly training now.',
      'No training at all. We guessed.',
    ]);
  });

  it('says which speakers there are when the one asked for has no turns, and changes nothing', async () => {
    const before = await bytes();
    const run = await gloss('autocode', 'study.gloss', '--speaker', 'Chief', '--code', 'Officer');
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'gloss: study.gloss: no turns of speaker “Chief” were found (speakers: Interviewer, Officer A)\n' });
    expect(await bytes()).toEqual(before);
  });

  it('refuses an unknown scope and a missing --code before reading the project', async () => {
    expect((await gloss('autocode', 'study.gloss', 'x', '--code', 'y', '--scope', 'word')).stderr).toBe(
      'gloss: autocode: --scope is one of match, sentence, paragraph, speaker, not "word"\n',
    );
    expect((await gloss('autocode', 'study.gloss', 'x')).stderr).toBe('gloss: autocode: --code is required (see gloss autocode --help)\n');
  });
});

describe('gloss suggest', () => {
  type Suggestion = { document: string; start: number; end: number; text: string; score: number; terms: string[] };

  it('prints a JSON array, best first, never a passage coded with the code', async () => {
    const run = await gloss('suggest', 'study.gloss', '--code', 'Officer', '--json', '--limit', '3');
    expect(run.code, run.stderr).toBe(0);
    const found = JSON.parse(run.stdout) as Suggestion[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    for (const s of found) expect(Object.keys(s)).toEqual(['document', 'start', 'end', 'text', 'score', 'terms']);
    expect(found.map((s) => s.score)).toEqual([...found.map((s) => s.score)].sort((a, b) => b - a));
    expect(found.some((s) => s.text === 'Monthly training now.' || s.text.includes('We guessed'))).toBe(false);
    expect(found[0]!.terms).toContain('training');
  });

  it('lists suggestions as sentences or paragraphs', async () => {
    const paragraphs = JSON.parse((await gloss('suggest', 'study.gloss', '--code', 'Officer', '--unit', 'paragraph', '--json')).stdout) as Suggestion[];
    expect(paragraphs.find((s) => s.document === 'police')?.text).toBe(POLICE.trimEnd());
  });

  it('says how many hand-made codings the suggestions would have found from the other documents', async () => {
    expect((await gloss('code', 'study.gloss', '--doc', 'police', '--code', 'Hand', '--quote', 'nobody trained us')).code).toBe(0);
    expect((await gloss('code', 'study.gloss', '--doc', 'interview-03', '--code', 'Hand', '--quote', 'Monthly training now.')).code).toBe(0);
    const run = await gloss('suggest', 'study.gloss', '--code', 'Hand', '--limit', '1');
    expect(run.code, run.stderr).toBe(0);
    // Police: its coded sentence says "trained" and "training", so it ranks first. Interview:
    // the shorter "Did you get training?" outranks the coded "Monthly training now.".
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      "Judged on what was coded by hand: the top 1 sentences of each of 2 documents, ranked by the other documents' excerpts, overlap 1 of its 2 hand-made codings (50%).",
    );
  });

  it('says plainly when the code is missing or has nothing coded yet', async () => {
    expect((await gloss('suggest', 'study.gloss', '--code', 'Nope')).stderr).toBe('gloss: study.gloss: there is no code "Nope"\n');
    expect((await gloss('suggest', 'study.gloss', '--code', 'Learning')).stderr).toBe(
      'gloss: study.gloss: "Learning" has no codings yet; code a few passages with it first, then ask for more like them\n',
    );
    expect((await gloss('suggest', 'study.gloss', '--code', 'Officer', '--unit', 'word')).stderr).toBe('gloss: suggest: --unit is sentence or paragraph, not "word"\n');
  });
});
