/** `gloss agreement` as a user runs it (child process, real project files), and the host's team:agreement. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Code, Coder, Coding, GlossDocument, ProjectFile } from '../../shared/model/schema';
import { emptyProjectFile } from '../../shared/model/state';
import { quoteAt } from '../../shared/text/quote';
import type { HostEvents } from '../../shared/ipc/contract';
import { agreement } from '../service/agreement';
import { HandlerError } from '../service/handler-error';
import { ProjectService } from '../service/project-service';
import { runGloss, type Run } from './run-gloss';

const T = '2025-01-01T00:00:00.000Z';
let dir: string;

const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);

/**
 * Two documents. On "Trust" in "one" Ana and Ben form the textbook Cohen table over 50
 * characters (both 20, only Ana 5, only Ben 10, neither 15); "two" (30 characters) nobody
 * coded with Trust. On "Trust > Risk" Ana and Ben both code all of "two".
 */
function studyFile(coders: string[]): ProjectFile {
  const file = emptyProjectFile('Agreement study', T);
  const texts: Record<string, string> = { one: 'a'.repeat(50), two: 'b'.repeat(30) };
  const documents: GlossDocument[] = Object.entries(texts).map(([name, text]) => ({
    id: `doc-${name}`,
    name,
    text,
    createdAt: T,
    source: null,
    attributes: {},
    structure: [],
  }));
  const code = (name: string, parentId: string | null): Code => ({ id: `code-${name}`, name, color: '#336699', description: '', parentId, codable: true, createdAt: T });
  const codingSpecs: [string, string, string, number, number][] = [
    ['Ana', 'Trust', 'one', 0, 25],
    ['Ben', 'Trust', 'one', 0, 20],
    ['Ben', 'Trust', 'one', 25, 35],
    ['Ana', 'Risk', 'two', 0, 30],
    ['Ben', 'Risk', 'two', 0, 30],
  ];
  const codings: Coding[] = codingSpecs
    .filter(([coder]) => coders.includes(coder))
    .map(([coder, codeName, doc, start, end], i) => ({
      id: `coding-${i}`,
      documentId: `doc-${doc}`,
      codeId: `code-${codeName}`,
      coderId: `coder-${coder}`,
      start,
      end,
      ...quoteAt(texts[doc]!, start, end),
      createdAt: T,
      needsReview: false,
    }));
  const coderList: Coder[] = ['Ana', 'Ben', 'Cy'].map((name) => ({ id: `coder-${name}`, name, color: '#884422' }));
  return { ...file, coders: coderList, documents, codes: [code('Trust', null), code('Risk', 'code-Trust')], codings };
}

async function writeStudy(name: string, coders: string[]): Promise<void> {
  const service = await ProjectService.create(path.join(dir, name), 'Agreement study', { coder: { id: 'coder-Ana', name: 'Ana', color: '#884422' } }, studyFile(coders));
  await service.close();
}

function expectOneLineError(run: Run, message: string, code = 1): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${message}\n`);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-agreement-'));
  await writeStudy('study.gloss', ['Ana', 'Ben']);
  await writeStudy('alone.gloss', ['Ana']);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// Each run starts node and tsx afresh: seconds apiece on a busy machine.
describe('gloss agreement', { timeout: 120_000 }, () => {
  it('--json prints one object per code and document plus one per code overall, with exactly the issue’s keys', async () => {
    const run = await gloss('agreement', 'study.gloss', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => [r.code, r.document])).toEqual([
      ['Trust', null],
      ['Trust', 'one'],
      ['Trust > Risk', null],
      ['Trust > Risk', 'two'],
    ]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['code', 'document', 'unit', 'coders', 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'counts']);
    }
    const one = rows[1]!;
    expect(one).toMatchObject({ unit: 'char', coders: ['Ana', 'Ben'], counts: { units: 50, both: 20, only_first: 5, only_second: 10, neither: 15, agreed: 35, coded_by: { Ana: 25, Ben: 30 } } });
    expect(one.percent_agreement).toBeCloseTo(0.7, 12);
    expect(one.cohen_kappa).toBeCloseTo(0.4, 12);
    expect(one.krippendorff_alpha).toBeCloseTo(0.4, 12);
    // Overall for Trust: 80 characters, the uncoded document adds 30 "neither" → κ = 17/29.
    expect(rows[0]!.counts).toMatchObject({ units: 80, neither: 45 });
    expect(rows[0]!.cohen_kappa).toBeCloseTo(17 / 29, 12);
    // Risk on "two" alone: complete agreement, but with no variation within the document
    // there is nothing to correct for chance against: undefined, not 1.
    expect(rows[3]).toMatchObject({ percent_agreement: 1, cohen_kappa: null, fleiss_kappa: null, krippendorff_alpha: null });
  });

  it('prints an aligned table, overall rows first, "—" where undefined', async () => {
    // Trust overall by hand: po = 65/80 = 81.25 %; κ = 17/29 = 0.586; Fleiss: yes share
    // 55/160, Pe = 0.5488, κ = (0.8125 − 0.5488)/(1 − 0.5488) = 0.584; alpha: n = 160,
    // n_yes = 55, n_no = 105, o(yes,no) = 15: α = 1 − 159·30/(2·55·105) = 0.587.
    const run = await gloss('agreement', 'study.gloss');
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'study.gloss: agreement of Ana, Ben on characters',
      'Code          Document         Agreement  Cohen  Fleiss  Alpha  Units',
      'Trust         (all documents)     81.3 %  0.586   0.584  0.587     80',
      'Trust > Risk  (all documents)    100.0 %  1.000   1.000  1.000     80',
      'Trust         one                 70.0 %  0.400   0.394  0.400     50',
      'Trust > Risk  two                100.0 %      —       —      —     30',
      '',
    ]);
  });

  it('--coders picks coders by name and order; an unknown name lists the project’s coders', async () => {
    const run = await gloss('agreement', 'study.gloss', '--coders', 'ben, ana', '--code', 'Trust', '--json');
    const rows = JSON.parse(run.stdout) as { coders: string[]; counts: Record<string, number> }[];
    expect(rows).toHaveLength(2);
    expect(rows[1]!.coders).toEqual(['Ben', 'Ana']);
    expect(rows[1]!.counts).toMatchObject({ only_first: 10, only_second: 5 });

    expectOneLineError(await gloss('agreement', 'study.gloss', '--coders', 'Ana,Zed'), 'gloss: study.gloss: no coder named "Zed" (coders: Ana, Ben, Cy)');
  });

  it('--unit segment with --min-overlap: percentage only, the kappas undefined', async () => {
    // Ana 0–25 against Ben 0–20: 20/25 = 80 % of the longer. Agrees at 80 %, not at 90 %.
    const strict = JSON.parse((await gloss('agreement', 'study.gloss', '--unit', 'segment', '--code', 'Trust', '--json')).stdout);
    expect(strict[0]).toMatchObject({ unit: 'segment', percent_agreement: 0, cohen_kappa: null, fleiss_kappa: null, krippendorff_alpha: null, counts: { units: 3, both: 0, only_first: 1, only_second: 2, neither: 0 } });
    const loose = JSON.parse((await gloss('agreement', 'study.gloss', '--unit', 'segment', '--min-overlap', '80%', '--code', 'Trust', '--json')).stdout);
    expect(loose[0].counts).toMatchObject({ units: 2, both: 1, only_first: 0, only_second: 1 });
    expect(loose[0].percent_agreement).toBe(0.5);
  });

  it('--unit document compares whether each coder used the code in each document', async () => {
    const rows = JSON.parse((await gloss('agreement', 'study.gloss', '--unit', 'document', '--code', 'Trust > Risk', '--json')).stdout);
    expect(rows.map((r: { document: string | null }) => r.document)).toEqual([null, 'two']);
    expect(rows[0].counts).toMatchObject({ units: 2, both: 1, neither: 1 });
    expect(rows[0].cohen_kappa).toBe(1);
  });

  it('refuses what it cannot do, in one line each', async () => {
    expectOneLineError(
      await gloss('agreement', 'alone.gloss'),
      "gloss: alone.gloss: agreement needs codings by at least two coders, and only Ana has coded in this project; merge the other coders' copies first",
    );
    expectOneLineError(await gloss('agreement', 'study.gloss', '--unit', 'words'), 'gloss: agreement: --unit must be char, segment or document, not "words"', 2);
    expectOneLineError(await gloss('agreement', 'study.gloss', '--min-overlap', '0.8'), 'gloss: agreement: --min-overlap goes with --unit segment', 2);
    expectOneLineError(
      await gloss('agreement', 'study.gloss', '--unit', 'segment', '--min-overlap', '1.5'),
      'gloss: agreement: --min-overlap must be a share above 0 and at most 1 (such as 0.9 or 90%), not "1.5"',
      2,
    );
    expectOneLineError(
      await gloss('agreement', 'study.gloss', '--code', 'Nothing'),
      'gloss: study.gloss: no code named "Nothing"; name it as in `gloss info study.gloss`, with " > " between a parent and its child',
    );
  });
});

describe('team:agreement on the open project', () => {
  it('computes on the service, sends progress on long runs and clears it at the end', async () => {
    const events: HostEvents['progress'][] = [];
    const service = await ProjectService.open(path.join(dir, 'study.gloss'), {
      coder: { id: 'coder-Ana', name: 'Ana', color: '#884422' },
      readOnly: true,
      onEvent: (event, payload) => {
        if (event === 'progress') events.push(payload as HostEvents['progress']);
      },
    });
    try {
      const quick = await agreement(service, { unit: 'char' });
      expect(quick.rows).toHaveLength(4);
      expect(events).toEqual([]);
      // A zero-length slice stands in for a big project: progress after every code.
      const slow = await agreement(service, { unit: 'document' }, 0);
      expect(slow.request).toEqual({ unit: 'document', minOverlap: 0.9, coderIds: ['coder-Ana', 'coder-Ben'] });
      expect(events).toEqual([{ task: 'Computing agreement', done: 1, total: 2 }, { task: 'Computing agreement', done: 2, total: 2 }, null]);
      await expect(agreement(service, { unit: 'char', coderIds: ['coder-Ana', 'coder-Cy', 'coder-Zed'] })).rejects.toThrow(
        new HandlerError('This project has no coder with id coder-Zed.'),
      );
    } finally {
      await service.close();
    }
  });

  it('refuses a project where fewer than two people have coded', async () => {
    const service = await ProjectService.open(path.join(dir, 'alone.gloss'), { coder: { id: 'coder-Ana', name: 'Ana', color: '#884422' }, readOnly: true });
    try {
      await expect(agreement(service, { unit: 'char' })).rejects.toThrow(/^Agreement needs codings by at least two coders, and only Ana has coded/);
    } finally {
      await service.close();
    }
  });
});
