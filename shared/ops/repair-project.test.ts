import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planOp, type PlanContext } from './plan';
import { planRepair } from './repair-project';
import { checkProject } from '../model/check-project';
import { applyChange, fileFromState, invertChange, stateFromFile } from '../model/state';
import { serializeProject } from '../model/serialize';
import { parseProjectText } from '../model/parse';
import type { ProjectFile } from '../model/schema';
import { smallProject, ALPHA, BETA } from '../model/fixtures/small-project';
import { exportProjectFile } from '../export/fixtures/export-project';

const ctx: PlanContext = { now: '2026-02-02T00:00:00.000Z', newId: () => 'new', coder: { id: 'c1', name: 'Ana', color: '#112233' } };

/** Runs the repairProject op on `file`; returns the repaired file and the text of the file after undo. */
function repair(file: ProjectFile): { after: ProjectFile; undone: string; label: string } {
  const state = stateFromFile(structuredClone(file));
  const planned = planOp(state, { type: 'repairProject' }, ctx);
  if (!planned.ok) throw new Error(planned.error);
  const inverse = invertChange(state, planned.value.change);
  applyChange(state, planned.value.change);
  const after = fileFromState(state);
  const snapshot = structuredClone(after);
  applyChange(state, inverse);
  return { after: snapshot, undone: serializeProject(fileFromState(state)), label: planned.value.label };
}

const canonical = (file: ProjectFile) => serializeProject(fileFromState(stateFromFile(structuredClone(file))));

describe('repairProject', () => {
  it('says when there is nothing to repair', () => {
    expect(planOp(stateFromFile(smallProject()), { type: 'repairProject' }, ctx)).toEqual({ ok: false, error: 'there is nothing in this project that Repair can mend' });
  });

  it('adds missing coders and variables with the ids that refer to them, and a type their values fit', () => {
    const file = smallProject();
    file.coders = [];
    file.variables = [];
    file.documents[1]!.attributes = { v2: 3 };
    file.cases[0]!.values = { v1: 'north', v2: 4.5 };
    const { after, label } = repair(file);
    expect(label).toBe('Repair 3 problems');
    expect(after.coders).toEqual([{ id: 'c1', name: 'Coder c1', color: '#7f7f7f' }]);
    expect(after.variables.map((v) => [v.id, v.name, v.type])).toEqual([
      ['v1', 'Variable v1', 'text'],
      ['v2', 'Variable v2', 'number'],
    ]);
    expect(after.documents[1]!.attributes).toEqual({ v2: 3 });
  });

  it('mends what it can and leaves values under an empty variable id as they are, in a project that loads again', () => {
    const file = smallProject();
    file.coders = [];
    file.documents[0]!.attributes = { '': 'kept', v1: 'north' };
    const { after, label } = repair(file);
    expect(label).toBe('Repair 1 problem');
    expect(after.coders.map((c) => c.id)).toEqual(['c1']);
    expect(after.documents[0]!.attributes).toEqual({ '': 'kept', v1: 'north' });
    expect(checkProject(after)).toMatchObject({ total: 1, repairable: 0 });
    expect(parseProjectText(serializeProject(after)).ok).toBe(true);
  });

  it('moves a memo whose target is gone to the project, keeping its words', () => {
    const file = smallProject();
    file.memos[0]!.target = { kind: 'coding', id: 'gone' };
    const { after } = repair(file);
    expect(after.memos).toEqual([{ ...file.memos[0]!, target: { kind: 'project' } }]);
  });

  it('takes members that are gone off cases and sets, and repeated ones down to one', () => {
    const file = smallProject();
    file.cases[0]!.documentIds = ['gone', 'd2', 'd1', 'd2'];
    file.sets[0]!.memberIds = ['d2', 'k1', 'd1'];
    const { after } = repair(file);
    expect(after.cases[0]!.documentIds).toEqual(['d2', 'd1']);
    expect(after.sets[0]!.memberIds).toEqual(['d2', 'd1']);
  });

  it('puts reading structure back inside the text with its ends in order', () => {
    const file = smallProject();
    file.documents[1]!.structure = [
      { kind: 'heading', start: 9, end: 2, level: 1 },
      { kind: 'page', start: 30, end: 400, label: '2' },
    ];
    const { after } = repair(file);
    expect(after.documents[1]!.structure).toEqual([
      { kind: 'heading', start: 2, end: 9, level: 1 },
      { kind: 'page', start: BETA.length, end: BETA.length, label: '2' },
    ]);
  });

  it('widens a coding that splits a character to the whole character, quote and all', () => {
    const file = smallProject();
    const emoji = ALPHA.indexOf('😀');
    Object.assign(file.codings[0]!, { start: emoji + 1, end: emoji + 2, quote: ALPHA.slice(emoji + 1, emoji + 2) });
    const { after } = repair(file);
    expect(after.codings[0]).toMatchObject({ start: emoji, end: emoji + 2, quote: '😀', prefix: 'alpha ', suffix: ' text' });
    expect(checkProject(after).total).toBe(0);
  });

  it('moves a coding whose offsets lost its text to where its text is, and flags one whose text is nowhere', () => {
    const file = smallProject();
    file.documents[1]!.text = 'beta text; then beta text again';
    const text = file.documents[1]!.text;
    const base = { documentId: 'd2', codeId: 'k1', coderId: 'c1', createdAt: 't', needsReview: false };
    // Stored as coded on the second "beta text" (its context says so), offsets shifted by 3.
    const second = text.lastIndexOf('beta text');
    file.codings.push({ ...base, id: 'g2', start: second - 3, end: second + 6, quote: 'beta text', prefix: text.slice(second - 6, second), suffix: ' again' });
    file.codings.push({ ...base, id: 'g3', start: 0, end: 4, quote: 'delta', prefix: '', suffix: '' });
    const { after } = repair(file);
    expect(after.codings.find((c) => c.id === 'g2')).toMatchObject({ start: second, end: second + 9, quote: 'beta text', needsReview: false });
    expect(after.codings.find((c) => c.id === 'g3')).toMatchObject({ start: 0, end: 4, quote: 'delta', needsReview: true });
    expect(checkProject(after).total).toBe(0);
  });
});

/** A damage that the check reports (never one the loader refuses), applied in place. */
type Damage = (file: ProjectFile, pick: number) => void;
const DAMAGES: Damage[] = [
  (f) => (f.coders = []),
  (f) => (f.variables = []),
  (f, n) => f.memos.forEach((m, i) => i % 2 === n % 2 && (m.target = { kind: (['document', 'code', 'coding'] as const)[n % 3]!, id: `gone-${n}` })),
  (f, n) => f.sets.forEach((s) => s.memberIds.push(`gone-${n}`, ...s.memberIds.slice(0, 1))),
  (f, n) => f.cases.forEach((c) => c.documentIds.splice(n % (c.documentIds.length + 1), 0, `gone-${n}`, ...c.documentIds.slice(0, 1))),
  (f, n) => f.documents.forEach((d) => d.structure.push({ kind: 'paragraph', start: (n * 7) % (d.text.length + 20), end: (n * 3) % (d.text.length + 20) })),
  (f, n) => {
    const coding = f.codings[n % f.codings.length];
    const doc = coding && f.documents.find((d) => d.id === coding.documentId);
    if (!coding || !doc || doc.text.length < 2) return;
    const start = n % (doc.text.length - 1);
    coding.start = start;
    coding.end = start + 1 + (n % (doc.text.length - start));
  },
  (f, n) => {
    const coding = f.codings[n % f.codings.length];
    if (coding) coding.quote = coding.quote.slice(1) + (n % 2 ? 'x' : '');
  },
  // A coding that starts or ends inside an emoji, its quote the half character (as a buggy importer would store it).
  (f, n) => {
    const coding = f.codings[n % f.codings.length];
    const doc = coding && f.documents.find((d) => d.id === coding.documentId);
    const pair = doc ? doc.text.search(/[\ud800-\udbff]/) : -1;
    if (!coding || !doc || pair < 0) return;
    const [start, end] = n % 2 ? [pair + 1, Math.min(doc.text.length, pair + 5)] : [Math.max(0, pair - 3), pair + 1];
    Object.assign(coding, { start, end, quote: doc.text.slice(start, end), needsReview: n % 3 === 0 });
  },
];

function richProject(): ProjectFile {
  const file = exportProjectFile();
  const small = smallProject();
  file.variables = small.variables;
  // A key spelt like a prototype trap must survive repair like any other.
  file.documents[0]!.attributes = Object.fromEntries([['v1', 'north'], ['__proto__', 1]]);
  file.cases = [{ ...small.cases[0]!, documentIds: file.documents.map((d) => d.id) }];
  file.sets = [{ ...small.sets[0]!, memberIds: [file.documents[1]!.id] }, { id: 's-codes', name: 'Codes', description: '', kind: 'codes', memberIds: ['k-health'] }];
  file.documents[1]!.structure = [{ kind: 'heading', start: 0, end: 8, level: 2 }];
  return file;
}

describe('repairProject on any damage the check reports', () => {
  it('leaves nothing repairable, keeps every word people wrote, and undoes to the same bytes', () => {
    const seeds = [smallProject(), richProject()];
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(fc.tuple(fc.nat(DAMAGES.length - 1), fc.nat(1000)), { minLength: 1, maxLength: 6 }), (seed, damages) => {
        const file = structuredClone(seeds[seed]!);
        for (const [which, n] of damages) DAMAGES[which]!(file, n);
        const before = checkProject(file);
        expect(before.problems.every((p) => !p.blocking)).toBe(true);
        if (before.total === 0) return;
        for (const p of before.problems) seen.set(p.kind, (seen.get(p.kind) ?? 0) + 1);
        const { after, undone } = repair(file);
        expect(checkProject(after)).toEqual({ problems: [], total: 0, repairable: 0 });
        expect(undone).toBe(canonical(file));
        // Nothing a person wrote is gone: texts, names, memos, quotes; no entity is removed.
        const words = (f: ProjectFile) => [
          ...f.documents.map((d) => `${d.id}:${d.name}:${d.text}:${JSON.stringify(d.attributes)}`),
          ...f.codes.map((c) => `${c.id}:${c.name}:${c.description}`),
          ...f.memos.map((m) => `${m.id}:${m.title}:${m.text}`),
          ...f.codings.map((c) => `${c.id}:${c.codeId}:${c.documentId}:${c.coderId}`),
          ...f.cases.map((c) => `${c.id}:${c.name}:${JSON.stringify(c.values)}`),
        ].sort();
        expect(words(after)).toEqual(words(stateFromFileAndBack(file)));
        for (const coding of after.codings) {
          const original = file.codings.find((c) => c.id === coding.id)!;
          // A coding keeps its quote, unless it was only widened to a whole character.
          if (coding.quote !== original.quote) expect(coding.quote.length - original.quote.length).toBeLessThanOrEqual(2);
        }
        // Serialises and opens again.
        expect(JSON.parse(serializeProject(after))).toBeTruthy();
      }),
      { numRuns: 300 },
    );
    // The damages reach every kind of problem the check reports.
    expect([...seen.keys()].sort()).toEqual([
      'coder-missing',
      'coding-splits-character',
      'member-missing',
      'member-repeated',
      'memo-target-missing',
      'quote-mismatch',
      'structure-out-of-range',
      'variable-missing',
    ]);
  });
});

function stateFromFileAndBack(file: ProjectFile): ProjectFile {
  return fileFromState(stateFromFile(structuredClone(file)));
}
