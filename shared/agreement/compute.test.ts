import { describe, expect, it } from 'vitest';
import type { Code, Coder, Coding, GlossDocument } from '../model/schema';
import { emptyProjectFile, stateFromFile, type ProjectState } from '../model/state';
import { compareDocument } from './compare-document';
import { computeAgreement, agreementSteps } from './compute';
import type { AgreementRequest, AgreementRow } from './types';

const T = '2025-01-01T00:00:00.000Z';

/** A small project: documents by name and text, codings as [coder, code, document, start, end]. */
function project(spec: {
  coders: string[];
  codes: string[];
  documents: Record<string, string>;
  codings: [string, string, string, number, number][];
  parents?: Record<string, string>;
}): ProjectState {
  const file = emptyProjectFile('Agreement test', T);
  const coders: Coder[] = spec.coders.map((name) => ({ id: `coder-${name}`, name, color: '#123456' }));
  const codes: Code[] = spec.codes.map((name) => ({
    id: `code-${name}`,
    name,
    color: '#123456',
    description: '',
    parentId: spec.parents?.[name] ? `code-${spec.parents[name]}` : null,
    codable: true,
    createdAt: T,
  }));
  const documents: GlossDocument[] = Object.entries(spec.documents).map(([name, text]) => ({
    id: `doc-${name}`,
    name,
    text,
    createdAt: T,
    source: null,
    attributes: {},
    structure: [],
  }));
  const codings: Coding[] = spec.codings.map(([coder, code, doc, start, end], i) => ({
    id: `coding-${i}`,
    documentId: `doc-${doc}`,
    codeId: `code-${code}`,
    coderId: `coder-${coder}`,
    start,
    end,
    quote: '',
    prefix: '',
    suffix: '',
    createdAt: T,
    needsReview: false,
  }));
  return stateFromFile({ ...file, coders, codes, documents, codings });
}

function rows(state: ProjectState, request: AgreementRequest): AgreementRow[] {
  const result = computeAgreement(state, request);
  if (!result.ok) throw new Error(result.error);
  return result.value.rows;
}

const overall = (list: AgreementRow[], code: string) => list.find((r) => r.code === code && r.document === null)!;
const TEXT50 = 'x'.repeat(50);

describe('character unit', () => {
  // A codes 0–25; B codes 0–20 and 25–35: both 20, only A 5, only B 10, neither 15.
  const cohen = project({
    coders: ['Ana', 'Ben'],
    codes: ['Trust'],
    documents: { one: TEXT50 },
    codings: [
      ['Ana', 'Trust', 'one', 0, 25],
      ['Ben', 'Trust', 'one', 0, 20],
      ['Ben', 'Trust', 'one', 25, 35],
    ],
  });

  it('reproduces the textbook Cohen example from characters: po 0.7, κ 0.4', () => {
    const list = rows(cohen, { unit: 'char' });
    expect(list).toHaveLength(2);
    const [all, doc] = list;
    expect(all!.document).toBeNull();
    expect(doc!.document).toBe('one');
    for (const r of [all!, doc!]) {
      expect(r.coders).toEqual(['Ana', 'Ben']);
      expect(r.counts).toEqual({ units: 50, both: 20, only_first: 5, only_second: 10, neither: 15, agreed: 35, coded_by: { Ana: 25, Ben: 30 } });
      expect(r.percent_agreement).toBeCloseTo(0.7, 12);
      expect(r.cohen_kappa).toBeCloseTo(0.4, 12);
      expect(r.fleiss_kappa).toBeCloseTo(13 / 33, 12);
      expect(r.krippendorff_alpha).toBeCloseTo(0.4, 12);
    }
  });

  it('counts a character two overlapping codings of one coder cover once', () => {
    // Ana's 0–25 split into 0–15 and 10–25 (overlapping), plus a duplicate of 5–12.
    const overlapping = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust'],
      documents: { one: TEXT50 },
      codings: [
        ['Ana', 'Trust', 'one', 0, 15],
        ['Ana', 'Trust', 'one', 10, 25],
        ['Ana', 'Trust', 'one', 5, 12],
        ['Ben', 'Trust', 'one', 0, 20],
        ['Ben', 'Trust', 'one', 25, 35],
      ],
    });
    const r = overall(rows(overlapping, { unit: 'char' }), 'Trust');
    expect(r.counts).toMatchObject({ units: 50, both: 20, only_first: 5, only_second: 10, neither: 15 });
    expect(r.cohen_kappa).toBeCloseTo(0.4, 12);
  });

  it('follows the request’s coder order for only_first / only_second', () => {
    const r = overall(rows(cohen, { unit: 'char', coderIds: ['coder-Ben', 'coder-Ana'] }), 'Trust');
    expect(r.coders).toEqual(['Ben', 'Ana']);
    expect(r.counts).toMatchObject({ only_first: 10, only_second: 5 });
  });

  it('pools every character of the project in the overall row, uncoded documents as neither', () => {
    // A second, 30-character document nobody coded: overall 80 units, 45 neither.
    // po = 65/80; pe = (25·30 + 55·50)/6400 = 3500/6400; κ = (5200 − 3500)/(6400 − 3500) = 17/29.
    const state = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust'],
      documents: { one: TEXT50, two: 'y'.repeat(30) },
      codings: [
        ['Ana', 'Trust', 'one', 0, 25],
        ['Ben', 'Trust', 'one', 0, 20],
        ['Ben', 'Trust', 'one', 25, 35],
      ],
    });
    const list = rows(state, { unit: 'char' });
    expect(list.map((r) => r.document)).toEqual([null, 'one']);
    const r = overall(list, 'Trust');
    expect(r.counts).toMatchObject({ units: 80, both: 20, only_first: 5, only_second: 10, neither: 45 });
    expect(r.percent_agreement).toBeCloseTo(65 / 80, 12);
    expect(r.cohen_kappa).toBeCloseTo(17 / 29, 12);
  });

  it('a code used by only one coder: agreement is the share of uncoded text, kappa 0', () => {
    // Ana codes 10 of 50 characters, Ben nothing: po = 40/50; pe = (0 + 40·50)/2500 = 0.8; κ = 0.
    // Fleiss: yes share 10/100, Pe = 0.82, P̄ = 0.8 → (0.8 − 0.82)/0.18 = −1/9.
    // Alpha: n = 100, o(yes,no) = 10 each way; α = 1 − 99·20/(2·10·90) = −0.1.
    const state = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust', 'Other'],
      documents: { one: TEXT50 },
      codings: [
        ['Ana', 'Trust', 'one', 0, 10],
        ['Ben', 'Other', 'one', 0, 5],
      ],
    });
    const r = overall(rows(state, { unit: 'char' }), 'Trust');
    expect(r.counts).toMatchObject({ units: 50, both: 0, only_first: 10, only_second: 0, neither: 40, coded_by: { Ana: 10, Ben: 0 } });
    expect(r.percent_agreement).toBeCloseTo(0.8, 12);
    expect(r.cohen_kappa).toBe(0);
    expect(r.fleiss_kappa).toBeCloseTo(-1 / 9, 12);
    expect(r.krippendorff_alpha).toBeCloseTo(-0.1, 12);
  });

  it('a code nobody used has no variation: percentage 1, every statistic null', () => {
    const state = project({ coders: ['Ana', 'Ben'], codes: ['Trust', 'Unused'], documents: { one: TEXT50 }, codings: [['Ana', 'Trust', 'one', 0, 10], ['Ben', 'Trust', 'one', 0, 10]] });
    const list = rows(state, { unit: 'char' });
    const r = overall(list, 'Unused');
    expect(list.filter((x) => x.code === 'Unused')).toHaveLength(1);
    expect(r.counts).toMatchObject({ units: 50, neither: 50 });
    expect(r.percent_agreement).toBe(1);
    expect([r.cohen_kappa, r.fleiss_kappa, r.krippendorff_alpha]).toEqual([null, null, null]);
  });

  it('an empty document gives no units: everything undefined (null)', () => {
    const state = project({ coders: ['Ana', 'Ben'], codes: ['Trust'], documents: { blank: '' }, codings: [['Ana', 'Trust', 'blank', 0, 4], ['Ben', 'Trust', 'blank', 0, 4]] });
    for (const unit of ['char', 'document', 'segment'] as const) {
      const list = rows(state, { unit });
      expect(list).toHaveLength(1);
      const r = list[0]!;
      expect(r.counts.units).toBe(0);
      expect([r.percent_agreement, r.cohen_kappa, r.fleiss_kappa, r.krippendorff_alpha]).toEqual([null, null, null, null]);
    }
  });

  it('three coders: Fleiss and alpha by hand, Cohen null', () => {
    // Ten characters. A 0–6, B 0–4, C 2–8. Pieces: 0–2 A,B; 2–4 A,B,C; 4–6 A,C; 6–8 C; 8–10 none.
    // Units by number of coders: 0 → 2, 1 → 2, 2 → 4, 3 → 2. Agreed (all same) = 2 + 2 = 4.
    // Fleiss: P per unit = [k(k−1) + (3−k)(2−k)]/6 → 1, 1/3, 1/3, 1; P̄ = (2 + 2/3 + 4/3 + 2)/10 = 0.6;
    // yes share = (2 + 8 + 6)/30 = 8/15; Pe = (64 + 49)/225; κ = (135 − 113)/(225 − 113) = 11/56.
    // Alpha: n = 30, n_yes = 16, n_no = 14; o(yes,no) = 2·(1·2/2) + 4·(2·1/2) = 6;
    // α = 1 − 29·(6 + 6)/(2·16·14) = 1 − 348/448 = 25/112.
    const state = project({
      coders: ['A', 'B', 'C'],
      codes: ['Trust'],
      documents: { one: '0123456789' },
      codings: [
        ['A', 'Trust', 'one', 0, 6],
        ['B', 'Trust', 'one', 0, 4],
        ['C', 'Trust', 'one', 2, 8],
      ],
    });
    const r = overall(rows(state, { unit: 'char' }), 'Trust');
    expect(r.coders).toEqual(['A', 'B', 'C']);
    expect(r.counts).toEqual({ units: 10, units_by_coder_count: [2, 2, 4, 2], agreed: 4, coded_by: { A: 6, B: 4, C: 6 } });
    expect(r.percent_agreement).toBeCloseTo(0.4, 12);
    expect(r.cohen_kappa).toBeNull();
    expect(r.fleiss_kappa).toBeCloseTo(11 / 56, 12);
    expect(r.krippendorff_alpha).toBeCloseTo(25 / 112, 12);
  });
});

describe('document unit', () => {
  it('asks only whether each coder used the code in each document', () => {
    // Four documents: both coded d1, only Ana d2, only Ben d3, neither d4.
    // po = 2/4; pe = (2·2 + 2·2)/16 = 0.5; κ = 0.
    const state = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust'],
      documents: { d1: TEXT50, d2: TEXT50, d3: TEXT50, d4: TEXT50 },
      codings: [
        ['Ana', 'Trust', 'd1', 0, 5],
        ['Ana', 'Trust', 'd1', 8, 9],
        ['Ben', 'Trust', 'd1', 30, 40],
        ['Ana', 'Trust', 'd2', 0, 5],
        ['Ben', 'Trust', 'd3', 0, 5],
      ],
    });
    const list = rows(state, { unit: 'document' });
    expect(list.map((r) => r.document)).toEqual([null, 'd1', 'd2', 'd3']);
    const r = overall(list, 'Trust');
    expect(r.counts).toMatchObject({ units: 4, both: 1, only_first: 1, only_second: 1, neither: 1 });
    expect(r.percent_agreement).toBe(0.5);
    expect(r.cohen_kappa).toBe(0);
    expect(list[1]!.counts).toMatchObject({ units: 1, both: 1 });
    expect(list[1]!.percent_agreement).toBe(1);
    expect(list[1]!.cohen_kappa).toBeNull();
  });
});

describe('segment unit', () => {
  const pair = (benStart: number) =>
    project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust'],
      documents: { one: 'z'.repeat(200) },
      codings: [
        ['Ana', 'Trust', 'one', 0, 100],
        ['Ben', 'Trust', 'one', benStart, 100],
      ],
    });

  it('agrees at 91 % overlap of the longer coding', () => {
    const r = overall(rows(pair(9), { unit: 'segment' }), 'Trust');
    expect(r.counts).toMatchObject({ units: 1, both: 1, only_first: 0, only_second: 0, neither: 0 });
    expect(r.percent_agreement).toBe(1);
  });

  it('disagrees at 89 %: two units, one per coder', () => {
    const r = overall(rows(pair(11), { unit: 'segment' }), 'Trust');
    expect(r.counts).toMatchObject({ units: 2, both: 0, only_first: 1, only_second: 1, neither: 0 });
    expect(r.percent_agreement).toBe(0);
  });

  it('measures against the longer coding, either way round', () => {
    // Ben's 11–100 lies inside Ana's 0–100: 89 % of Ana's, 100 % of Ben's own. The longer decides.
    expect(overall(rows(pair(11), { unit: 'segment' }), 'Trust').counts.both).toBe(0);
    expect(overall(rows(pair(10), { unit: 'segment' }), 'Trust').counts.both).toBe(1);
    expect(overall(rows(pair(11), { unit: 'segment', minOverlap: 0.85 }), 'Trust').counts.both).toBe(1);
  });

  it('reports the percentage and leaves the chance-corrected statistics null (there is no neither)', () => {
    // Ana: 0–100, 120–140, 150–160. Ben: 5–100 (95 %, agrees), 120–135 (75 %, does not), 170–180.
    const state = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust'],
      documents: { one: 'z'.repeat(200) },
      codings: [
        ['Ana', 'Trust', 'one', 0, 100],
        ['Ana', 'Trust', 'one', 120, 140],
        ['Ana', 'Trust', 'one', 150, 160],
        ['Ben', 'Trust', 'one', 5, 100],
        ['Ben', 'Trust', 'one', 120, 135],
        ['Ben', 'Trust', 'one', 170, 180],
      ],
    });
    const r = overall(rows(state, { unit: 'segment' }), 'Trust');
    expect(r.counts).toEqual({ units: 5, both: 1, only_first: 2, only_second: 2, neither: 0, agreed: 1, coded_by: { Ana: 3, Ben: 3 } });
    expect(r.percent_agreement).toBeCloseTo(0.2, 12);
    expect([r.cohen_kappa, r.fleiss_kappa, r.krippendorff_alpha]).toEqual([null, null, null]);
  });

  it('joins one coder’s overlapping codings into one segment first', () => {
    // Ana codes 0–60 and 40–100 (one segment 0–100); Ben 0–100 agrees with it.
    const state = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust'],
      documents: { one: 'z'.repeat(200) },
      codings: [
        ['Ana', 'Trust', 'one', 0, 60],
        ['Ana', 'Trust', 'one', 40, 100],
        ['Ben', 'Trust', 'one', 0, 100],
      ],
    });
    expect(overall(rows(state, { unit: 'segment' }), 'Trust').counts).toMatchObject({ units: 1, both: 1 });
  });

  it('groups three coders’ agreeing segments into one unit', () => {
    const state = project({
      coders: ['A', 'B', 'C'],
      codes: ['Trust'],
      documents: { one: 'z'.repeat(200) },
      codings: [
        ['A', 'Trust', 'one', 0, 100],
        ['B', 'Trust', 'one', 2, 100],
        ['C', 'Trust', 'one', 0, 97],
        ['C', 'Trust', 'one', 150, 160],
      ],
    });
    const r = overall(rows(state, { unit: 'segment' }), 'Trust');
    expect(r.counts).toEqual({ units: 2, units_by_coder_count: [0, 1, 0, 1], agreed: 1, coded_by: { A: 1, B: 1, C: 2 } });
    expect(r.percent_agreement).toBe(0.5);
  });
});

describe('requests', () => {
  const state = project({
    coders: ['Ana', 'Ben', 'Cy'],
    codes: ['Trust', 'Risk', 'Folder'],
    parents: { Risk: 'Trust' },
    documents: { one: TEXT50, two: TEXT50 },
    codings: [
      ['Ana', 'Risk', 'two', 0, 10],
      ['Ben', 'Risk', 'one', 0, 10],
    ],
  });

  it('defaults to the coders who coded anything, by name, and to every codable code in tree order', () => {
    const result = computeAgreement(state, { unit: 'char' });
    expect(result.ok && result.value.request).toEqual({ unit: 'char', minOverlap: 0.9, coderIds: ['coder-Ana', 'coder-Ben'] });
    // Rows per code: overall first, then documents by name.
    expect(result.ok && result.value.rows.map((r) => [r.code, r.document])).toEqual([
      ['Folder', null],
      ['Trust', null],
      ['Trust > Risk', null],
      ['Trust > Risk', 'one'],
      ['Trust > Risk', 'two'],
    ]);
  });

  it('refuses fewer than two coders with a message that says why', () => {
    const alone = project({ coders: ['Ana', 'Ben'], codes: ['Trust'], documents: { one: TEXT50 }, codings: [['Ana', 'Trust', 'one', 0, 5]] });
    expect(computeAgreement(alone, { unit: 'char' })).toEqual({
      ok: false,
      error: "agreement needs codings by at least two coders, and only Ana has coded in this project; merge the other coders' copies first",
    });
    expect(computeAgreement(state, { unit: 'char', coderIds: ['coder-Ana', 'coder-nobody'] })).toEqual({ ok: false, error: 'this project has no coder with id coder-nobody' });
    expect(computeAgreement(state, { unit: 'char', coderIds: ['coder-Ana', 'coder-Ana'] }).ok).toBe(false);
  });

  it('reports progress one code at a time', () => {
    const steps = agreementSteps(state, { unit: 'document', codeIds: ['code-Risk', 'code-Trust'] });
    const seen: string[] = [];
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) {
        expect(next.value.ok && next.value.value.rows.map((r) => r.code)).toEqual(['Trust > Risk', 'Trust > Risk', 'Trust > Risk', 'Trust']);
        break;
      }
      seen.push(`${next.value.done}/${next.value.total}`);
    }
    expect(seen).toEqual(['1/2', '2/2']);
  });
});

describe('comparing one document side by side', () => {
  it('lists who coded each stretch and the segment units, as the statistics count them', () => {
    const state = project({
      coders: ['Ana', 'Ben'],
      codes: ['Trust', 'Other'],
      documents: { one: 'z'.repeat(200) },
      codings: [
        ['Ana', 'Trust', 'one', 0, 100],
        ['Ana', 'Trust', 'one', 150, 160],
        ['Ben', 'Trust', 'one', 5, 100],
        ['Ben', 'Other', 'one', 120, 130],
      ],
    });
    const view = compareDocument(state, { documentId: 'doc-one', codeId: 'code-Trust', coderIds: ['coder-Ana', 'coder-Ben'] });
    expect(view.pieces).toEqual([
      { start: 0, end: 5, coderIds: ['coder-Ana'], agreed: false },
      { start: 5, end: 100, coderIds: ['coder-Ana', 'coder-Ben'], agreed: true },
      { start: 150, end: 160, coderIds: ['coder-Ana'], agreed: false },
    ]);
    expect(view.units).toEqual([
      { segments: [{ coderId: 'coder-Ana', start: 0, end: 100 }, { coderId: 'coder-Ben', start: 5, end: 100 }], agreed: true },
      { segments: [{ coderId: 'coder-Ana', start: 150, end: 160 }], agreed: false },
    ]);
  });
});
