import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, fileFromState, invertChange, type ProjectState } from '../model/state';
import { projectFileSchema, type AutocodeScope, type Coding } from '../model/schema';
import { literalQuery } from '../analysis/search-query';
import { stateWith } from '../analysis/fixtures/project';
import { planOp, type PlanContext } from './plan';
import { previewAutocode, type AutocodeRequest } from './autocode';
import { opRequestSchema } from './requests';

const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 150);

function context(coderId = 'u'): PlanContext {
  let n = 0;
  return { now: '2025-01-01T00:00:00.000Z', newId: () => `new${++n}`, coder: { id: coderId, name: coderId === 'u' ? 'Ana' : 'Ben', color: '#000000' } };
}

const INTERVIEW = [
  'Interviewer: Did you get training? Tell me.',
  'Officer A: No training at all. We guessed. Training came later.',
  '',
  'Interviewer: And now?',
  'Officer A: Now there is training, monthly.',
].join('\n');

function project(): ProjectState {
  return stateWith(
    [
      { id: 'i', name: 'interview', text: INTERVIEW },
      { id: 'n', name: 'notes', text: 'Training plan.\nSecond line.\n\nOther paragraph about training.' },
    ],
    { gaps: 'gaps', folder: 'folder' },
    [{ id: 'k1', documentId: 'i', codeId: 'gaps', start: INTERVIEW.indexOf('No training'), end: INTERVIEW.indexOf(' We guessed') }],
  );
}

const request = (text: string, scope: AutocodeScope, extra: Partial<AutocodeRequest> = {}): AutocodeRequest => ({
  type: 'autocode',
  query: literalQuery(text),
  scope,
  codeId: 'gaps',
  ...extra,
});

function run(state: ProjectState, req: AutocodeRequest, ctx = context()) {
  const parsed = opRequestSchema.parse(req);
  const planned = planOp(state, parsed, ctx);
  if (!planned.ok) throw new Error(planned.error);
  return planned.value;
}

const newCodings = (state: ProjectState, change: ReturnType<typeof run>['change']) =>
  change.patches.flatMap((p) => (p.table === 'codings' && p.op === 'put' ? [p.value as Coding] : [])).map((c) => state.documents.get(c.documentId)!.text.slice(c.start, c.end));

describe('auto-code', () => {
  it('codes the matches themselves, skipping what this coder already coded, and records where they came from', () => {
    const state = project();
    const planned = run(state, request('training', 'match'));
    expect(newCodings(state, planned.change)).toEqual(['training', 'Training', 'training', 'Training', 'training']);
    const preview = previewAutocode(state, request('training', 'match'), 'u');
    expect(preview.ok && preview.value).toEqual({ hits: 6, created: 5, alreadyCoded: 1, merged: 0, skipped: 0, documents: 2, codeName: 'gaps' });
    const coding = planned.change.patches.find((p) => p.table === 'codings')!;
    expect(coding.op === 'put' && (coding.value as Coding).origin).toEqual({ kind: 'autocode', query: literalQuery('training'), scope: 'match', at: '2025-01-01T00:00:00.000Z' });
    expect(planned.label).toBe('Auto-code “training” with “gaps” (5 codings)');
  });

  it('widens to sentences, trimmed, and merges hits of one sentence into one coding', () => {
    const state = project();
    const planned = run(state, request('training', 'sentence', { where: { documentIds: ['i'] } }));
    // In a transcript the sentence starting a turn is coded without the speaker's label, so
    // "No training at all." is the passage k1 already codes: nothing new there.
    expect(newCodings(state, planned.change)).toEqual(['Did you get training?', 'Training came later.', 'Now there is training, monthly.']);
    const counts = previewAutocode(state, request('training', 'sentence', { where: { documentIds: ['i'] } }), 'u');
    expect(counts.ok && counts.value).toMatchObject({ hits: 4, created: 3, alreadyCoded: 1 });
    const preview = previewAutocode(state, request('t', 'sentence', { where: { documentIds: ['n'] } }), 'u');
    // The notes' four t's fall in two sentences ("Second line." has none): the rest merge.
    expect(preview.ok && preview.value).toMatchObject({ hits: 4, created: 2, merged: 2 });
    expect(preview.ok && preview.value.hits).toBe(preview.ok ? preview.value.created + preview.value.merged : -1);
  });

  it('widens to paragraphs: maximal runs of non-blank lines, without the closing line break', () => {
    const state = project();
    const planned = run(state, request('training', 'paragraph', { where: { documentIds: ['n'] } }));
    expect(newCodings(state, planned.change)).toEqual(['Training plan.\nSecond line.', 'Other paragraph about training.']);
  });

  it('widens to the speaker turn, without the label, and skips a hit in a label', () => {
    const state = project();
    const planned = run(state, request('officer', 'speaker', { where: { documentIds: ['i'] } }));
    expect(newCodings(state, planned.change)).toEqual([]);
    const preview = previewAutocode(state, request('officer', 'speaker'), 'u');
    expect(preview.ok && preview.value).toMatchObject({ hits: 2, created: 0, skipped: 2 });
    expect(newCodings(state, run(state, request('guessed', 'speaker')).change)).toEqual(['No training at all. We guessed. Training came later.']);
  });

  it('codes every turn of a speaker, or only those holding a hit', () => {
    const state = project();
    const all = { type: 'autocode', query: literalQuery(''), scope: 'speaker', codeId: 'gaps', speaker: 'officer a' } as const;
    expect(newCodings(state, run(state, all).change)).toEqual(['No training at all. We guessed. Training came later.', 'Now there is training, monthly.']);
    const some = run(state, { ...all, query: literalQuery('monthly') });
    expect(newCodings(state, some.change)).toEqual(['Now there is training, monthly.']);
    const origins = some.change.patches.flatMap((p) => (p.op === 'put' && p.table === 'codings' ? [(p.value as Coding).origin] : []));
    expect(origins).toEqual([{ kind: 'autocode', query: literalQuery('monthly'), scope: 'speaker', speaker: 'officer a', at: '2025-01-01T00:00:00.000Z' }]);
    const nobody = planOp(state, opRequestSchema.parse({ ...all, speaker: 'Chief' }), context());
    expect(nobody.ok ? null : nobody.error).toBe('no turns of speaker “Chief” were found (speakers: Interviewer, Officer A)');
  });

  it('is one undoable step, and running it again creates nothing', () => {
    const state = project();
    const before = JSON.stringify(fileFromState(state));
    const planned = run(state, request('training', 'sentence', { codeId: undefined, newCode: { names: ['Learning', 'Training'], parentId: null } }));
    const inverse = invertChange(state, planned.change);
    applyChange(state, planned.change);
    const codeId = planned.created.codeId!;
    const leaf = [...state.codes.values()].find((c) => c.name === 'Training')!;
    expect(state.codes.get(codeId)!.name).toBe('Learning');
    expect(leaf.parentId).toBe(codeId);
    const again = previewAutocode(state, request('training', 'sentence', { codeId: leaf.id }), 'u');
    expect(again.ok && again.value.created).toBe(0);
    expect(again.ok && again.value.alreadyCoded).toBe(again.ok ? again.value.hits : -1);
    // Another coder's run is theirs: it codes the same passages again for them.
    const other = previewAutocode(state, request('training', 'sentence', { codeId: leaf.id }), 'v');
    expect(other.ok && other.value.created).toBeGreaterThan(0);
    applyChange(state, inverse);
    expect(JSON.stringify(fileFromState(state))).toBe(before);
    // The project with the auto-code still validates (origin included).
    applyChange(state, planned.change);
    expect(projectFileSchema.safeParse(fileFromState(state)).success).toBe(true);
  });

  it('codes only the selected hits when given', () => {
    const state = project();
    const at = INTERVIEW.indexOf('training, monthly');
    const planned = run(state, request('training', 'match', { only: [{ documentId: 'i', start: at, end: at + 8 }] }));
    expect(newCodings(state, planned.change)).toEqual(['training']);
  });

  it('refuses a folder, a taken new name, a bad pattern and an empty query in plain words', () => {
    const state = project();
    const folder = { ...state.codes.get('folder')!, codable: false };
    applyChange(state, { patches: [{ table: 'codes', op: 'put', value: folder }] });
    const errorOf = (req: AutocodeRequest) => {
      const r = planOp(state, opRequestSchema.parse(req), context());
      return r.ok ? null : r.error;
    };
    expect(errorOf(request('x', 'match', { codeId: 'folder' }))).toBe('“folder” is a folder of codes and cannot be applied to text');
    expect(errorOf(request('x', 'match', { codeId: undefined, newCode: { names: ['GAPS'], parentId: null } }))).toBe('a code named “GAPS” already exists there');
    expect(errorOf({ ...request('a(', 'match'), query: literalQuery('a(', { regex: true }) })).toBe(
      'not a valid regular expression: a group opened with ( is never closed at character 2 ("(" in "a(")',
    );
    expect(errorOf(request('', 'match'))).toBe('the search is empty; type what to look for');
  });

  it('on random texts and queries: counts add up, passages are disjoint, not touching, inside the text', () => {
    const piece = fc.constantFrom('Ana: ', 'Ben: ', 'word ', 'ab', 'b. ', 'A? ', '\n', '\n\n', ' ', '😀', 'é');
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { maxLength: 25 }).map((p) => p.join('')), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('a', 'b', 'word', 'Ana', '\\w+', '.', '\\s'),
        fc.constantFrom<AutocodeScope>('match', 'sentence', 'paragraph', 'speaker'),
        fc.boolean(),
        (texts, q, scope, regex) => {
          const state = stateWith(texts.map((text, i) => ({ id: `d${i}`, text })), { c: 'c' });
          const req: AutocodeRequest = { type: 'autocode', query: literalQuery(q, { regex }), scope, codeId: 'c' };
          const preview = previewAutocode(state, req, 'u');
          if (!preview.ok) throw new Error(preview.error);
          const p = preview.value;
          expect(p.created + p.merged + p.alreadyCoded + p.skipped).toBe(p.hits);
          const planned = run(state, req);
          const codings = planned.change.patches.flatMap((x) => (x.table === 'codings' && x.op === 'put' ? [x.value as Coding] : []));
          expect(codings).toHaveLength(p.created);
          const byDoc = new Map<string, Coding[]>();
          for (const c of codings) byDoc.set(c.documentId, [...(byDoc.get(c.documentId) ?? []), c]);
          for (const [docId, list] of byDoc) {
            const text = state.documents.get(docId)!.text;
            list.forEach((c, i) => {
              expect(c.start).toBeLessThan(c.end);
              expect(c.end).toBeLessThanOrEqual(text.length);
              if (i > 0) expect(c.start).toBeGreaterThan(list[i - 1]!.end);
            });
          }
          applyChange(state, planned.change);
          const again = previewAutocode(state, req, 'u');
          expect(again.ok && again.value.created).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
