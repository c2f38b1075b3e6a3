/**
 * The store keeps its counts and lists by updating them with each change (tallies.ts,
 * counted-list.ts) instead of computing them from the whole project. Property:
 * after any sequence of operations, undos, redos, coders and coder filters, every one of
 * them equals what a computation from scratch over the mirror gives, and the mirror equals
 * the host's project. GLOSS_FUZZ_RUNS=N runs it longer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyProjectFile, fileFromState, codingsOfDocument } from '../../../shared/model/state';
import { indexFile, type CodingEntry } from '../../../shared/model/document-index';
import { codeTree } from '../../../shared/model/codes';
import { codingSchema, documentSchema, type Coding } from '../../../shared/model/schema';
import { quoteAt } from '../../../shared/text/quote';
import { codingsNeedingReview, codingsOfCodes, excerptOf, excerptsFor, reviewExcerpts, type Excerpt } from '../../../shared/analysis/excerpts';
import { codingEntry, wholeCoding } from '../../../shared/model/coding-columns';
import { memoLinesByCoding } from '../../../shared/model/memos';
import type { OpRequest } from '../../../shared/ops/requests';
import { setBridge } from '../bridge';
import { loadProject, redo, run, undo } from '../project/actions';
import { useGloss } from './index';
import { fakeHost, type FakeHost } from './fake-host';
import { talliesOf } from './tallies';
import { codingFilter, selectCodeRows, selectDocumentCodings, selectDocumentList, selectProjectCoders, selectReviewCount } from './selectors';

const ana = { id: 'ana', name: 'Ana', color: '#aa0000' };
const ben = { id: 'ben', name: 'Ben', color: '#0000bb' };
const TEXTS = [
  'Nobody trained us on the new system, so we guessed and asked each other.',
  'The forms changed twice that year. Nobody told the night shift about it.',
  'We share records by email now, which is slow but it works for the team.',
];

function startingProject() {
  const file = emptyProjectFile('Study', '2024-01-01T00:00:00.000Z');
  file.coders.push(ana, ben);
  TEXTS.forEach((text, i) => file.documents.push(documentSchema.parse({ id: `d${i}`, name: `Interview ${3 - i}`, text, createdAt: 'x', source: null, attributes: {} })));
  const code = (id: string, name: string, parentId: string | null) => ({ id, name, color: '#00aa00', description: '', parentId, codable: true, createdAt: 'x' });
  file.codes.push(code('c1', 'training', null), code('c2', 'delays', null), code('c3', 'workarounds', 'c1'));
  const coding = (id: string, d: number, codeId: string, coderId: string, start: number, end: number): Coding =>
    codingSchema.parse({ id, documentId: `d${d}`, codeId, coderId, start, end, ...quoteAt(TEXTS[d]!, start, end), createdAt: 'x' });
  file.codings.push(coding('k1', 0, 'c1', 'ben', 0, 14), coding('k2', 1, 'c2', 'ben', 4, 16), coding('k3', 2, 'c3', 'ana', 0, 8));
  return file;
}

type Step =
  | { kind: 'apply'; doc: number; at: number; length: number; code: number }
  | { kind: 'remove'; which: number }
  | { kind: 'edit'; doc: number; at: number; cut: number; insert: string }
  | { kind: 'resolve'; which: number }
  | { kind: 'deleteCode'; code: number }
  | { kind: 'deleteDocument'; doc: number }
  | { kind: 'renameDocument'; doc: number; name: string }
  | { kind: 'add'; text: string }
  | { kind: 'memo'; which: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'coder'; ben: boolean }
  | { kind: 'filter'; coders: ('ana' | 'ben')[] | null };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('apply' as const), doc: fc.nat(5), at: fc.nat(80), length: fc.integer({ min: 1, max: 30 }), code: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), which: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), doc: fc.nat(5), at: fc.nat(80), cut: fc.nat(20), insert: fc.constantFrom('', 'really ', 'X', 'no one told us') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), which: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteCode' as const), code: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteDocument' as const), doc: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameDocument' as const), doc: fc.nat(5), name: fc.constantFrom('A', 'Zed', 'Interview 0') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), text: fc.constantFrom('A short note about training.', 'Delays, delays.') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('memo' as const), which: fc.nat(50) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('coder' as const), ben: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('filter' as const), coders: fc.option(fc.subarray(['ana', 'ben'] as ('ana' | 'ben')[]), { nil: null }) }) },
);

const byId = <T extends { id: string }>(map: ReadonlyMap<string, T>) => [...map.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

async function take(host: FakeHost, s: Step): Promise<void> {
  const state = useGloss.getState();
  const project = state.project!;
  const docs = byId(project.documents);
  const codes = byId(project.codes);
  const codings = byId(project.codings);
  const pick = <T>(list: T[], i: number) => list[i % Math.max(1, list.length)];
  let request: OpRequest | null = null;
  if (s.kind === 'apply') {
    const doc = pick(docs, s.doc);
    const code = pick(codes, s.code);
    if (doc && code && doc.textLength > 1) {
      const start = s.at % (doc.textLength - 1);
      request = { type: 'applyCode', documentId: doc.id, start, end: Math.min(doc.textLength, start + s.length), codeId: code.id };
    }
  } else if (s.kind === 'remove') {
    const coding = pick(codings, s.which);
    if (coding) request = { type: 'removeCoding', codingId: coding.id };
  } else if (s.kind === 'edit') {
    const doc = pick(docs, s.doc);
    if (doc) {
      const text = host.state.documents.get(doc.id)!.text;
      const at = s.at % (text.length + 1);
      const edited = text.slice(0, at) + s.insert + text.slice(at + s.cut);
      if (edited.length > 0) request = { type: 'editDocumentText', documentId: doc.id, text: edited };
    }
  } else if (s.kind === 'resolve') {
    const coding = pick(codings.filter((c) => c.needsReview), s.which);
    if (coding) request = { type: 'resolveReview', codingId: coding.id };
  } else if (s.kind === 'deleteCode') {
    const code = pick(codes, s.code);
    if (code) request = { type: 'deleteCode', codeId: code.id };
  } else if (s.kind === 'deleteDocument') {
    const doc = pick(docs, s.doc);
    if (doc) request = { type: 'deleteDocument', documentId: doc.id };
  } else if (s.kind === 'renameDocument') {
    const doc = pick(docs, s.doc);
    if (doc) request = { type: 'renameDocument', documentId: doc.id, name: s.name };
  } else if (s.kind === 'add') {
    request = { type: 'addDocuments', documents: [{ name: 'Added', text: s.text, source: null }] };
  } else if (s.kind === 'memo') {
    const coding = pick(codings, s.which);
    if (coding) request = { type: 'addMemo', target: { kind: 'coding', id: coding.id }, title: 'Note', text: 'why' };
  } else if (s.kind === 'undo') await undo();
  else if (s.kind === 'redo') await redo();
  else if (s.kind === 'coder') host.setCoder(s.ben ? ben : ana);
  else state.setCoderFilter(s.coders);
  if (request) await run(request);
}

/** Everything the store keeps by updates, against the same computed from scratch. */
function expectAsFromScratch(host: FakeHost): void {
  const s = useGloss.getState();
  const project = s.project!;
  expect(fileFromState(project)).toEqual(indexFile(fileFromState(host.state)));

  const fresh = talliesOf(project);
  const entries = (m: Map<string, Map<string, number>>) => [...m].map(([k, v]) => [k, [...v].sort()] as const).sort();
  expect([...s.tallies!.byCoder].sort()).toEqual([...fresh.byCoder].sort());
  expect(entries(s.tallies!.byCodeAndCoder)).toEqual(entries(fresh.byCodeAndCoder));
  expect(entries(s.tallies!.byDocumentAndCoder)).toEqual(entries(fresh.byDocumentAndCoder));
  expect([...s.tallies!.review].sort()).toEqual([...fresh.review].sort());

  const shown = codingFilter(s.coderFilter) ?? (() => true);
  const all = [...project.codings.values()];
  const count = (keep: (c: CodingEntry) => boolean) => all.filter((c) => keep(c) && shown(c)).length;
  const documents = [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  expect(selectDocumentList(s)).toEqual(documents.map((d) => ({ id: d.id, name: d.name, codings: count((c) => c.documentId === d.id) })));
  const tree = codeTree(project.codes.values());
  expect(selectCodeRows(s)).toEqual(
    tree.map((row, i) => ({ ...row, count: count((c) => c.codeId === row.code.id), hasChildren: (tree[i + 1]?.depth ?? -1) > row.depth })),
  );
  expect(selectProjectCoders(s).map((e) => [e.coder.id, e.codings])).toEqual(
    selectProjectCoders(s).map((e) => [e.coder.id, all.filter((c) => c.coderId === e.coder.id).length]),
  );
  expect(selectReviewCount(s)).toBe(all.filter((c) => c.needsReview).length);
  for (const d of documents) expect(selectDocumentCodings(d.id)(s)).toEqual(codingsOfDocument(project, d.id).filter(shown));

  // The Excerpts view's list (codings listed from the mirror, each card built by excerptOf).
  const codeIds = [...project.codes.keys()];
  const memos = memoLinesByCoding(project);
  const listed = codingsOfCodes(project, codeIds, codingFilter(s.coderFilter));
  expect(listed).toEqual(codingsOfCodes(host.state, codeIds, codingFilter(s.coderFilter)).map(codingEntry));
  // With the texts at hand (fetched), every card and the review list are the ones the project itself gives.
  const textOf = (id: string) => host.state.documents.get(id)?.text;
  const withoutCoding = (e: Excerpt) => ({ ...e, coding: e.coding.id });
  expect(listed.map((c) => withoutCoding(excerptOf(project, c, memos.get(c.id), textOf)))).toEqual(
    excerptsFor(host.state, codeIds, codingFilter(s.coderFilter)).map(withoutCoding),
  );
  const reviews = codingsNeedingReview(project, codingFilter(s.coderFilter)).map((c) => excerptOf(project, c, memos.get(c.id), textOf));
  expect(reviews.map(withoutCoding)).toEqual(reviewExcerpts(host.state, codingFilter(s.coderFilter)).map(withoutCoding));
  // Each mirrored coding, given its document's text, is the host's coding exactly.
  for (const coding of project.codings.values()) {
    expect(wholeCoding(coding, textOf(coding.documentId)!)).toEqual(host.state.codings.get(coding.id));
  }
}

describe('incremental counts and lists', () => {
  it('equal a computation from scratch after any sequence of changes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const host = fakeHost(startingProject(), ana);
        setBridge(host.bridge);
        useGloss.setState({ messages: [], coderFilter: null });
        await loadProject();
        expectAsFromScratch(host);
        for (const s of steps) {
          await take(host, s);
          expectAsFromScratch(host);
        }
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 40) },
    );
  });
});
