import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, emptyProjectFile, stateFromFile, type ProjectState } from '../model/state';
import { codePath } from '../model/codes';
import { planOp, type PlanContext } from './plan';
import { applyChecked } from './fixtures/apply-checked';
import type { OpRequest } from './requests';

const coder = { id: 'coder-ana', name: 'Ana', color: '#1f77b4' };

function context(): PlanContext {
  let n = 0;
  return { now: '2026-01-02T03:04:05.000Z', newId: () => `id-${String(++n).padStart(4, '0')}`, coder };
}

function fixture(): { state: ProjectState; ctx: PlanContext } {
  const state = stateFromFile(emptyProjectFile('Interviews', '2026-01-01T00:00:00.000Z'));
  const ctx = context();
  return { state, ctx };
}

/** Plans and applies a request through applyChecked (undo and redo checked byte for byte). */
function run(state: ProjectState, ctx: PlanContext, request: OpRequest) {
  return applyChecked(state, ctx, request).created;
}

const TEXT = 'We never had training on the new system. Data sharing with the council took weeks.';

function withDocument() {
  const { state, ctx } = fixture();
  const created = run(state, ctx, {
    type: 'addDocuments',
    documents: [{ name: 'Interview 1', text: TEXT, source: null }],
  });
  return { state, ctx, documentId: created.documentIds![0]! };
}

describe('planOp', () => {
  it('records the coder again after they changed their name, keeping the id', () => {
    const { state, ctx, documentId } = withDocument();
    const { codeId } = run(state, ctx, { type: 'createCode', name: 'training gaps' });
    run(state, ctx, { type: 'applyCode', documentId, start: 3, end: 8, codeId });
    const renamed = { ...ctx, coder: { ...coder, name: 'Ana Ruiz' } };
    const { codingId } = run(state, renamed, { type: 'applyCode', documentId, start: 9, end: 12, codeId });
    expect(state.coders.get('coder-ana')?.name).toBe('Ana Ruiz');
    expect(state.coders.size).toBe(1);
    expect(state.codings.get(codingId!)?.coderId).toBe('coder-ana');
    // Unchanged name and colour: no coder patch at all.
    const planned = planOp(state, { type: 'applyCode', documentId, start: 13, end: 20, codeId }, renamed);
    expect(planned.ok && planned.value.change.patches.filter((p) => p.table === 'coders')).toEqual([]);
  });

  it('applies a code with quote and context, and refuses a duplicate of the same span by the same coder', () => {
    const { state, ctx, documentId } = withDocument();
    const { codeId } = run(state, ctx, { type: 'createCode', name: 'training gaps' });
    const start = TEXT.indexOf('never had training');
    const end = start + 'never had training'.length;
    const { codingId } = run(state, ctx, { type: 'applyCode', documentId, start, end, codeId });
    const coding = state.codings.get(codingId!)!;
    expect(coding).toMatchObject({ start, end, quote: 'never had training', prefix: 'We ', coderId: 'coder-ana' });
    expect(coding.suffix).toBe(TEXT.slice(end, end + 32));
    expect(state.coders.get('coder-ana')?.name).toBe('Ana');
    expect([...state.codingsByCode.get(codeId!)!]).toEqual([codingId]);

    const again = planOp(state, { type: 'applyCode', documentId, start, end, codeId }, ctx);
    expect(again.ok && again.value.change.patches).toEqual([]);
    // An overlapping coding of the same code is allowed.
    run(state, ctx, { type: 'applyCode', documentId, start: start + 6, end: end + 5, codeId });
    expect(state.codingsByDocument.get(documentId)!.size).toBe(2);
  });

  it('creates a new code and applies it in one step', () => {
    const { state, ctx, documentId } = withDocument();
    const created = run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 2, newCodeName: '  data sharing ' });
    expect(state.codes.get(created.codeId!)?.name).toBe('data sharing');
    expect(state.codings.get(created.codingId!)?.codeId).toBe(created.codeId);
  });

  it('creates a new sub-code under the named parent and applies it, reusing a child of that name there', () => {
    const { state, ctx, documentId } = withDocument();
    const { codeId: barriers } = run(state, ctx, { type: 'createCode', name: 'barriers' });
    run(state, ctx, { type: 'createCode', name: 'training' });
    const created = run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 2, newCodeName: 'training', newCodeParentId: barriers });
    expect(state.codes.get(created.codeId!)).toMatchObject({ name: 'training', parentId: barriers });
    const again = run(state, ctx, { type: 'applyCode', documentId, start: 3, end: 5, newCodeName: 'Training', newCodeParentId: barriers });
    expect(again.codeId).toBeUndefined();
    expect(state.codings.get(again.codingId!)?.codeId).toBe(created.codeId);
    const missing = planOp(state, { type: 'applyCode', documentId, start: 0, end: 2, newCodeName: 'x', newCodeParentId: 'nope' }, ctx);
    expect(missing.ok).toBe(false);
  });

  it('refuses empty, out-of-range and surrogate-splitting spans with a reason', () => {
    const { state, ctx, documentId } = withDocument();
    const { codeId } = run(state, ctx, { type: 'createCode', name: 'x' });
    const empty = planOp(state, { type: 'applyCode', documentId, start: 3, end: 3, codeId }, ctx);
    expect(empty).toEqual({ ok: false, error: 'select some text first (the span is empty)' });
    const past = planOp(state, { type: 'applyCode', documentId, start: 3, end: 9999, codeId }, ctx);
    expect(!past.ok && past.error).toMatch(/past the end of “Interview 1”/);
    const emoji = run(state, ctx, { type: 'addDocuments', documents: [{ name: 'e', text: 'a😀b', source: null }] });
    const split = planOp(state, { type: 'applyCode', documentId: emoji.documentIds![0]!, start: 0, end: 2, codeId }, ctx);
    expect(split).toEqual({ ok: false, error: 'the span would split a character in two' });
  });

  it('renames, recolours, describes and nests codes, and refuses cycles and duplicate sibling names', () => {
    const { state, ctx } = withDocument();
    const barriers = run(state, ctx, { type: 'createCode', name: 'Barriers' }).codeId!;
    const sharing = run(state, ctx, { type: 'createCode', name: 'Data sharing' }).codeId!;
    run(state, ctx, { type: 'moveCode', codeId: sharing, parentId: barriers });
    expect(codePath(state, sharing)).toBe('Barriers > Data sharing');
    run(state, ctx, { type: 'renameCode', codeId: sharing, name: 'Delays in data sharing' });
    run(state, ctx, { type: 'recolorCode', codeId: sharing, color: '#AABBCC' });
    run(state, ctx, { type: 'describeCode', codeId: sharing, description: 'Waiting for another agency' });
    expect(state.codes.get(sharing)).toMatchObject({ name: 'Delays in data sharing', color: '#aabbcc', description: 'Waiting for another agency' });
    const cycle = planOp(state, { type: 'moveCode', codeId: barriers, parentId: sharing }, ctx);
    expect(cycle.ok).toBe(false);
    const dup = planOp(state, { type: 'createCode', name: 'barriers' }, ctx);
    expect(dup).toEqual({ ok: false, error: 'a code named “barriers” already exists there' });
  });

  it('deletes a code with its sub-codes, their codings and memos on them', () => {
    const { state, ctx, documentId } = withDocument();
    const parent = run(state, ctx, { type: 'createCode', name: 'Barriers' }).codeId!;
    const child = run(state, ctx, { type: 'createCode', name: 'Delays', parentId: parent }).codeId!;
    const other = run(state, ctx, { type: 'createCode', name: 'Other' }).codeId!;
    const coding = run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 5, codeId: child }).codingId!;
    run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 5, codeId: other });
    run(state, ctx, { type: 'addMemo', target: { kind: 'coding', id: coding }, title: '', text: 'check' });
    run(state, ctx, { type: 'addMemo', target: { kind: 'code', id: parent }, title: 'def', text: 'barriers' });
    run(state, ctx, { type: 'deleteCode', codeId: parent });
    expect([...state.codes.values()].map((c) => c.name)).toEqual(['Other']);
    expect(state.codings.size).toBe(1);
    expect(state.memos.size).toBe(0);
    expect(state.codingsByCode.has(child)).toBe(false);
  });

  it('merges two codes, keeping one coding where both coded the same span', () => {
    const { state, ctx, documentId } = withDocument();
    const a = run(state, ctx, { type: 'createCode', name: 'training', description: 'A' }).codeId!;
    const b = run(state, ctx, { type: 'createCode', name: 'training gaps', description: 'B' }).codeId!;
    const sub = run(state, ctx, { type: 'createCode', name: 'sub', parentId: a }).codeId!;
    run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 5, codeId: a });
    run(state, ctx, { type: 'applyCode', documentId, start: 10, end: 20, codeId: a });
    run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 5, codeId: b });
    run(state, ctx, { type: 'mergeCodes', sourceId: a, targetId: b });
    expect(state.codes.has(a)).toBe(false);
    expect(state.codes.get(sub)?.parentId).toBe(b);
    expect(state.codes.get(b)?.description).toBe('B\n\nA');
    const spans = [...state.codings.values()].map((c) => [c.codeId, c.start, c.end]).sort();
    expect(spans).toEqual([[b, 0, 5], [b, 10, 20]]);
  });

  it('renames and deletes documents with their codings and memos', () => {
    const { state, ctx, documentId } = withDocument();
    const codeId = run(state, ctx, { type: 'createCode', name: 'x' }).codeId!;
    run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 5, codeId });
    run(state, ctx, { type: 'addMemo', target: { kind: 'document', id: documentId }, title: 't', text: 'memo' });
    run(state, ctx, { type: 'renameDocument', documentId, name: 'Officer A' });
    expect(state.documents.get(documentId)?.name).toBe('Officer A');
    run(state, ctx, { type: 'deleteDocument', documentId });
    expect(state.documents.size + state.codings.size + state.memos.size).toBe(0);
    expect(state.codingsByDocument.size).toBe(0);
  });

  it('adds, edits and deletes memos on every kind of target', () => {
    const { state, ctx, documentId } = withDocument();
    const codeId = run(state, ctx, { type: 'createCode', name: 'x' }).codeId!;
    const codingId = run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 5, codeId }).codingId!;
    const targets = [
      { kind: 'project' as const },
      { kind: 'document' as const, id: documentId },
      { kind: 'code' as const, id: codeId },
      { kind: 'coding' as const, id: codingId },
    ];
    for (const target of targets) {
      const memoId = run(state, ctx, { type: 'addMemo', target, title: 'T', text: 'first' }).memoId!;
      run(state, ctx, { type: 'editMemo', memoId, text: 'second' });
      expect(state.memos.get(memoId)).toMatchObject({ target, title: 'T', text: 'second' });
      run(state, ctx, { type: 'deleteMemo', memoId });
      expect(state.memos.has(memoId)).toBe(false);
    }
    const missing = planOp(state, { type: 'addMemo', target: { kind: 'code', id: 'nope' }, title: '', text: '' }, ctx);
    expect(missing).toEqual({ ok: false, error: 'there is no code with id nope' });
  });
});

describe('resolveReview', () => {
  it('clears the review flag and re-quotes the corrected span', () => {
    const { state, ctx, documentId } = withDocument();
    const codeId = run(state, ctx, { type: 'createCode', name: 'x' }).codeId!;
    const codingId = run(state, ctx, { type: 'applyCode', documentId, start: 0, end: 8, codeId }).codingId!;
    state.codings.set(codingId, { ...state.codings.get(codingId)!, needsReview: true });
    const start = TEXT.indexOf('Data sharing');
    run(state, ctx, { type: 'resolveReview', codingId, start, end: start + 12 });
    expect(state.codings.get(codingId)).toMatchObject({ needsReview: false, start, end: start + 12, quote: 'Data sharing' });
    const empty = planOp(state, { type: 'resolveReview', codingId, start: 5, end: 5 }, ctx);
    expect(empty.ok).toBe(false);
  });
});

describe('addDocuments', () => {
  it('stores pasted text with LF line endings', () => {
    const { state, ctx } = fixture();
    const { documentIds } = run(state, ctx, { type: 'addDocuments', documents: [{ name: 'Pasted', text: 'one\r\ntwo\rthree', source: null }] });
    expect(state.documents.get(documentIds![0]!)!.text).toBe('one\ntwo\nthree');
  });
});

describe('addDocuments names', () => {
  const source = (fileName: string) => ({ fileName, type: fileName.split('.').pop()!, size: 1, sha256: fileName });
  const names = (state: ProjectState) => [...state.documents.values()].map((d) => d.name);

  it('keeps names unique: the same stem from two formats, a second copy, and a clash with an existing name', () => {
    const { state, ctx } = fixture();
    run(state, ctx, { type: 'addDocuments', documents: [{ name: 'report', text: 'a', source: source('report.html') }] });
    const second = planOp(state, { type: 'addDocuments', documents: [{ name: 'report', text: 'b', source: source('report.pdf') }] }, ctx);
    expect(second.ok && second.value.label).toBe('Import “report (pdf)”');
    run(state, ctx, {
      type: 'addDocuments',
      documents: [
        { name: 'report', text: 'b', source: source('report.pdf') },
        { name: 'Report', text: 'c', source: source('Report.html') },
        { name: 'report', text: 'd', source: null },
        { name: 'Interview', text: 'e', source: null },
      ],
    });
    expect(names(state)).toEqual(['report', 'report (pdf)', 'Report (html)', 'report (2)', 'Interview']);
  });

  it('property: whatever is added, no two documents share a name (ignoring case), and each keeps its own as a prefix', () => {
    const stems = fc.constantFrom('report', 'Report', 'report (pdf)', 'report (2)', 'notes', ' notes ');
    const exts = fc.constantFrom('pdf', 'html', 'PDF', '');
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(stems, exts), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (batches) => {
        const { state, ctx } = fixture();
        for (const batch of batches) {
          const documents = batch.map(([stem, ext]) => ({ name: stem, text: 'x', source: ext ? source(`${stem}.${ext}`) : null }));
          const planned = planOp(state, { type: 'addDocuments', documents }, ctx);
          if (!planned.ok) throw new Error(planned.error);
          applyChange(state, planned.value.change);
        }
        const all = names(state).map((n) => n.toLocaleLowerCase());
        expect(new Set(all).size).toBe(all.length);
        const wanted = batches.flat().map(([stem]) => stem.trim());
        names(state).forEach((name, i) => expect(name.startsWith(wanted[i]!)).toBe(true));
      }),
    );
  });
});
