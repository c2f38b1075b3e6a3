import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChange, emptyProjectFile, fileFromState, invertChange, stateFromFile, type ProjectState } from '../model/state';
import { serializeProject } from '../model/serialize';
import type { StructureRange } from '../model/schema';
import { quoteAt } from '../text/quote';
import { planOp, type PlanContext, type Planned } from './plan';
import { previewAnonymise } from './edit-text';
import { opRequestSchema, type AnonymiseRequest, type OpRequest } from './requests';

const fixture = (name: string) => readFileSync(new URL(`../text/fixtures/${name}`, import.meta.url), 'utf8');
const INTERVIEW_1 = fixture('interview-1.txt');
const INTERVIEW_2 = fixture('interview-2.txt');

function context(): PlanContext {
  let n = 0;
  return {
    now: '2026-01-02T03:04:05.000Z',
    newId: () => `id-${String(++n).padStart(4, '0')}`,
    coder: { id: 'coder-ana', name: 'Ana', color: '#1f77b4' },
  };
}

const bytes = (state: ProjectState) => serializeProject(fileFromState(state));

/** Plans and applies `request`; checks that undoing it restores the project byte for byte. */
function run(state: ProjectState, ctx: PlanContext, request: OpRequest): Planned {
  const planned = planOp(state, request, ctx);
  if (!planned.ok) throw new Error(planned.error);
  const before = bytes(state);
  const inverse = invertChange(state, planned.value.change);
  applyChange(state, planned.value.change);
  const after = bytes(state);
  applyChange(state, inverse);
  expect(bytes(state)).toBe(before);
  applyChange(state, planned.value.change);
  expect(bytes(state)).toBe(after);
  return planned.value;
}

/** Speaker turns of a transcript ("Name: …" lines) as structure ranges. */
function speakerTurns(text: string): StructureRange[] {
  return [...text.matchAll(/^(\w+): .*$/gm)].map((m) => ({ kind: 'speaker', start: m.index, end: m.index + m[0].length, label: m[1]! }));
}

/** Two interviews, with codings on passages, found by their quote. */
function project() {
  const ctx = context();
  const state = stateFromFile(emptyProjectFile('Victim support', '2026-01-01T00:00:00.000Z'));
  const { created } = run(state, ctx, {
    type: 'addDocuments',
    documents: [
      { name: 'interview-1', text: INTERVIEW_1, source: null, structure: speakerTurns(INTERVIEW_1) },
      { name: 'interview-2', text: INTERVIEW_2, source: null, structure: speakerTurns(INTERVIEW_2) },
    ],
  });
  const [one, two] = created.documentIds!;
  const codeId = run(state, ctx, { type: 'createCode', name: 'barriers' }).created.codeId!;
  const code = (documentId: string, quote: string) => {
    const start = state.documents.get(documentId)!.text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    return run(state, ctx, { type: 'applyCode', documentId, start, end: start + quote.length, codeId }).created.codingId!;
  };
  return { state, ctx, one: one!, two: two!, code };
}

const textOf = (state: ProjectState, codingId: string) => {
  const c = state.codings.get(codingId)!;
  return state.documents.get(c.documentId)!.text.slice(c.start, c.end);
};

describe('editDocumentText', () => {
  it('re-anchors every coding of the document, reports each outcome, and undoes exactly', () => {
    const { state, ctx, one, two, code } = project();
    const first = code(one, 'Thank you for joining');
    const before = code(one, 'nobody trained us on the new case system');
    const inside = code(one, 'Data sharing with the council is slow');
    const deleted = code(one, 'We recieved a two-page leaflet and that was it.');
    const after = code(one, 'real training, with time set aside for it');
    const otherDoc = code(two, 'Nobody picked them up');
    const untouched = structuredClone(state.codings.get(first)!);
    const afterStart = state.codings.get(after)!.start;

    const text = INTERVIEW_1.replace('We recieved a two-page leaflet and that was it. ', '')
      .replace('Honestly', 'To be honest')
      .replace('the council is slow', 'the city council is slow');
    // Three changes in one save: two in one paragraph (one replacement spanning both), one in another.
    const planned = run(state, ctx, { type: 'editDocumentText', documentId: one, text: text.replace(/\n/g, '\r\n') });

    expect(planned.label).toBe('Edit the text of “interview-1”');
    expect(state.documents.get(one)!.text).toBe(text); // CRLF stored as LF
    expect(planned.report).toEqual({ kept: 3, moved: 0, edited: 1, unplaced: 1 });
    expect(state.codings.size).toBe(6); // nothing dropped
    expect(state.codings.get(first)).toEqual(untouched);
    expect(state.codings.get(after)!.start).toBe(afterStart + text.length - INTERVIEW_1.length);
    expect(textOf(state, after)).toBe('real training, with time set aside for it');
    expect(textOf(state, before)).toBe('nobody trained us on the new case system');
    expect(state.codings.get(before)!.suffix).toBe('. To be honest, we learned it fr');
    expect(state.codings.get(inside)).toMatchObject({ quote: 'Data sharing with the city council is slow', needsReview: false });
    expect(state.codings.get(deleted)!.needsReview).toBe(true);
    expect(state.codings.get(deleted)!.quote).toBe('We recieved a two-page leaflet and that was it.');
    expect(textOf(state, otherDoc)).toBe('Nobody picked them up');
    // Only the codings that changed are in the change, after the document, in text order.
    const puts = planned.change.patches.map((p) => (p.op === 'put' && 'id' in p.value ? `${p.table}:${p.value.id}` : p.table));
    expect(puts).toEqual([`documents:${one}`, `codings:${before}`, `codings:${deleted}`, `codings:${inside}`, `codings:${after}`]);
  });

  it('marks a coding inside an edited passage as edited, with its quote and context from the new text', () => {
    const { state, ctx, one, code } = project();
    const inside = code(one, 'Data sharing with the council is slow');
    const later = code(one, 'shared inbox 📨');
    const planned = run(state, ctx, { type: 'editDocumentText', documentId: one, text: INTERVIEW_1.replace('the council is', 'the city council is') });
    expect(planned.report).toEqual({ kept: 1, moved: 0, edited: 1, unplaced: 0 });
    const text = state.documents.get(one)!.text;
    const coding = state.codings.get(inside)!;
    expect(coding).toMatchObject({ quote: 'Data sharing with the city council is slow', needsReview: false });
    expect({ quote: coding.quote, prefix: coding.prefix, suffix: coding.suffix }).toEqual(quoteAt(text, coding.start, coding.end));
    expect(textOf(state, later)).toBe('shared inbox 📨');
  });

  it('carries the structure ranges with the text and drops a range whose text was deleted', () => {
    const { state, ctx, one } = project();
    const answer = 'Sarah: When I started, nobody trained us on the new case system. We recieved a two-page leaflet and that was it. Honestly, we learned it from each other.\n\n';
    run(state, ctx, { type: 'editDocumentText', documentId: one, text: INTERVIEW_1.replace(answer, '') });
    const doc = state.documents.get(one)!;
    expect(doc.structure.map((r) => doc.text.slice(r.start, r.end).split(':')[0])).toEqual(
      speakerTurns(INTERVIEW_1).filter((r) => !answer.startsWith(INTERVIEW_1.slice(r.start, r.end))).map((r) => r.label),
    );
    expect(doc.structure).toHaveLength(speakerTurns(INTERVIEW_1).length - 1);
  });

  it('changes nothing when the text is the same after line endings are normalised', () => {
    const { state, ctx, one, code } = project();
    code(one, 'Proper training');
    const planned = planOp(state, { type: 'editDocumentText', documentId: one, text: INTERVIEW_1.replace(/\n/g, '\r\n') }, ctx);
    expect(planned.ok && planned.value.change.patches).toEqual([]);
    expect(planned.ok && planned.value.report).toEqual({ kept: 1, moved: 0, edited: 0, unplaced: 0 });
  });

  it('refuses an empty text for a coded document, and an unknown document', () => {
    const { state, ctx, one, code } = project();
    code(one, 'Proper training');
    code(one, 'black hole');
    expect(planOp(state, { type: 'editDocumentText', documentId: one, text: '' }, ctx)).toEqual({
      ok: false,
      error: 'the new text of “interview-1” is empty, which would leave its 2 codings with no words to stand on; remove the codings first, or delete the document',
    });
    expect(planOp(state, { type: 'editDocumentText', documentId: 'nope', text: 'x' }, ctx)).toEqual({ ok: false, error: 'there is no document with id nope' });
  });
});

const anonymise = (extra: Partial<AnonymiseRequest> = {}): AnonymiseRequest => ({
  type: 'anonymise',
  name: 'Sarah',
  placeholder: '[NAME]',
  caseSensitive: true,
  wholeWord: true,
  ...extra,
});

describe('anonymise', () => {
  function codedProject() {
    const p = project();
    const ids = {
      possessive: p.code(p.one, "Sarah's manager tried to fix it once"),
      speaker: p.code(p.one, 'Sarah'),
      longerWord: p.code(p.one, 'The Sarahs in the team joked'),
      shifted: p.code(p.one, 'nobody trained us'),
      twoNames: p.code(p.two, 'Mostly with Sarah Jones. SARAH knew the data team'),
      after: p.code(p.two, 'Nobody picked them up'),
    };
    return { ...p, ids };
  }

  it('replaces whole-word occurrences in every document as one undoable step; "Sarahs" is another word', () => {
    const { state, ctx, one, two, ids } = codedProject();
    const planned = run(state, ctx, anonymise());
    expect(planned.label).toBe('Replace “Sarah” with “[NAME]”');
    // interview-1: five speaker labels and "Sarah's"; interview-2: "Sarah Jones", "Sarah left", "Sarah's".
    expect(planned.report).toEqual({ kept: 3, moved: 0, edited: 3, unplaced: 0, replacements: 9 });
    expect(state.documents.get(one)!.text).toBe(INTERVIEW_1.replace(/\bSarah\b(?!s)/g, '[NAME]'));
    expect(state.documents.get(one)!.text).toContain('The Sarahs in the team');
    expect(state.documents.get(two)!.text).toBe(
      "Interviewer: Who did you work with at the council?\n\nTom: Mostly with [NAME] Jones. SARAH knew the data team, so requests went through her.\n\n" +
        "Interviewer: Did that work?\n\nTom: It did until [NAME] left. After that, [NAME]'s requests sat in a queue for weeks. Nobody picked them up.\n",
    );
    expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, textOf(state, id)]))).toEqual({
      possessive: "[NAME]'s manager tried to fix it once",
      speaker: '[NAME]',
      longerWord: 'The Sarahs in the team joked',
      shifted: 'nobody trained us',
      twoNames: 'Mostly with [NAME] Jones. SARAH knew the data team',
      after: 'Nobody picked them up',
    });
    for (const coding of state.codings.values()) {
      const text = state.documents.get(coding.documentId)!.text;
      expect({ quote: coding.quote, prefix: coding.prefix, suffix: coding.suffix, needsReview: coding.needsReview }).toEqual({
        ...quoteAt(text, coding.start, coding.end),
        needsReview: false,
      });
    }
  });

  it('anonymises speaker labels in the structure along with the text', () => {
    const { state, ctx, one } = codedProject();
    run(state, ctx, anonymise());
    const doc = state.documents.get(one)!;
    expect(doc.structure.map((r) => r.label)).toEqual(['Interviewer', '[NAME]', 'Interviewer', '[NAME]', 'Interviewer', '[NAME]', 'Interviewer', '[NAME]', 'Interviewer', '[NAME]']);
    for (const r of doc.structure) expect(doc.text.slice(r.start, r.end).startsWith(`${r.label}: `)).toBe(true);
  });

  it('matches other cases when case-insensitive, still only whole words', () => {
    const { state, ctx, two, ids } = codedProject();
    const planned = run(state, ctx, anonymise({ caseSensitive: false }));
    expect(planned.report?.replacements).toBe(10);
    expect(textOf(state, ids.twoNames)).toBe('Mostly with [NAME] Jones. [NAME] knew the data team');
    expect(textOf(state, ids.longerWord)).toBe('The Sarahs in the team joked');
    expect(state.documents.get(two)!.text).not.toMatch(/sarah\b/i);
  });

  it('limits itself to one document when asked', () => {
    const { state, ctx, one, two } = codedProject();
    const planned = run(state, ctx, anonymise({ documentId: two }));
    expect(planned.report).toEqual({ kept: 1, moved: 0, edited: 1, unplaced: 0, replacements: 3 });
    expect(planned.change.patches.filter((p) => p.table === 'documents')).toHaveLength(1);
    expect(state.documents.get(two)!.text).toContain('[NAME] left');
    expect(state.documents.get(one)!.text).toBe(INTERVIEW_1);
  });

  it('is a no-op for a name that does not occur, and refuses an unknown document', () => {
    const { state, ctx } = codedProject();
    const planned = planOp(state, anonymise({ name: 'Beatrice' }), ctx);
    expect(planned.ok && planned.value.change.patches).toEqual([]);
    expect(planned.ok && planned.value.report?.replacements).toBe(0);
    expect(planOp(state, anonymise({ documentId: 'gone' }), ctx)).toEqual({ ok: false, error: 'there is no document with id gone' });
  });

  it('leaves the name nowhere: not in speaker labels, nor in the old quote a coding waiting for review keeps', () => {
    const { state, ctx, one, code } = project();
    const lost = code(one, "Sarah's manager tried to fix it once");
    // A first pass by hand: the sentence goes and the speaker labels are shortened, so no "Sarah" is left in the text.
    const text = INTERVIEW_1.replace(" Sarah's manager tried to fix it once.", '').replace(/^Sarah:/gm, 'S:');
    run(state, ctx, { type: 'editDocumentText', documentId: one, text });
    expect(state.codings.get(lost)).toMatchObject({ needsReview: true, quote: "Sarah's manager tried to fix it once" });
    expect(bytes(state)).toMatch(/"label":"Sarah"/);

    const planned = run(state, ctx, anonymise());
    expect(planned.report).toEqual({ kept: 0, moved: 0, edited: 0, unplaced: 0, replacements: 3 }); // all in interview-2
    expect(state.codings.get(lost)).toMatchObject({ needsReview: true, quote: "[NAME]'s manager tried to fix it once" });
    expect(state.documents.get(one)!.structure.filter((r) => r.label === '[NAME]')).toHaveLength(5);
    expect(bytes(state)).not.toMatch(/Sarah(?!s)/);
  });

  it('restores text and codings byte for byte on undo, after codings were edited by it', () => {
    const { state, ctx } = codedProject();
    const before = bytes(state);
    const planned = planOp(state, anonymise({ caseSensitive: false }), ctx);
    if (!planned.ok) throw new Error(planned.error);
    const inverse = invertChange(state, planned.value.change);
    applyChange(state, planned.value.change);
    expect(bytes(state)).not.toBe(before);
    applyChange(state, inverse);
    expect(bytes(state)).toBe(before);
    expect(state.codingsByDocument.size).toBe(2);
  });
});

describe('previewAnonymise', () => {
  it('counts the occurrences per document and the codings whose text would change, changing nothing', () => {
    const { state, ctx, one, two, code } = project();
    code(one, "Sarah's manager tried to fix it once");
    code(one, 'The Sarahs in the team joked');
    code(two, 'Mostly with Sarah Jones. SARAH knew');
    code(two, 'SARAH knew the data team');
    const before = bytes(state);
    const preview = previewAnonymise(state, anonymise({ caseSensitive: false }));
    expect(preview).toEqual({
      ok: true,
      value: {
        occurrences: 10,
        documents: [
          { id: one, name: 'interview-1', occurrences: 6 },
          { id: two, name: 'interview-2', occurrences: 4 },
        ],
        codingsTouched: 3,
      },
    });
    expect(bytes(state)).toBe(before);
    // The preview and the operation agree.
    const planned = run(state, ctx, anonymise({ caseSensitive: false }));
    expect(planned.report?.replacements).toBe(10);
    expect(planned.report?.edited).toBe(3);
  });

  it('lists only documents with occurrences and refuses an unknown document', () => {
    const { state, two } = project();
    expect(previewAnonymise(state, anonymise({ name: 'Tom' }))).toEqual({
      ok: true,
      value: { occurrences: 2, documents: [{ id: two, name: 'interview-2', occurrences: 2 }], codingsTouched: 0 },
    });
    expect(previewAnonymise(state, anonymise({ documentId: 'x' }))).toEqual({ ok: false, error: 'there is no document with id x' });
  });
});

describe('request schemas', () => {
  it('accepts only whole-word anonymising with a name and a placeholder', () => {
    expect(opRequestSchema.safeParse({ ...anonymise(), name: '  Sarah ' })).toMatchObject({ success: true, data: { name: 'Sarah' } });
    expect(opRequestSchema.safeParse({ ...anonymise(), wholeWord: false }).success).toBe(false);
    expect(opRequestSchema.safeParse({ ...anonymise(), name: '  ' }).success).toBe(false);
    expect(opRequestSchema.safeParse({ ...anonymise(), placeholder: '' }).success).toBe(false);
    expect(opRequestSchema.safeParse({ type: 'editDocumentText', documentId: 'd', text: '' }).success).toBe(true);
  });
});
