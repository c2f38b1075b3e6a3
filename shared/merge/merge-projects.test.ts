import { describe, expect, it } from 'vitest';
import { parseProjectText } from '../model/parse';
import type { Code, Coding, ProjectFile } from '../model/schema';
import { serializeProject } from '../model/serialize';
import { applyChange, emptyProjectFile, fileFromState, stateFromFile } from '../model/state';
import { quoteAt } from '../text/quote';
import { mergeProjects } from './merge-projects';
import type { MergeInput } from './types';

const T0 = '2026-01-01T00:00:00.000Z';
const NOW = '2026-02-02T00:00:00.000Z';
const TEXT = 'We never had training on the new system. Data sharing took weeks. Nobody trusted the forms.';

function code(id: string, name: string, parentId: string | null = null, color = '#112233'): Code {
  return { id, name, color, description: '', parentId, codable: true, createdAt: T0 };
}

function coding(id: string, quote: string, codeId: string, coderId: string, documentId = 'd1', text = TEXT): Coding {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`${quote} is not in the text`);
  return { id, documentId, codeId, coderId, start, end: start + quote.length, ...quoteAt(text, start, quote.length + start), createdAt: T0, needsReview: false };
}

/** The file that was handed out: one document, a small codebook, one coding, one memo. */
function handedOut(): ProjectFile {
  const file = emptyProjectFile('Study', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' }, { id: 'bob', name: 'Bob', color: '#0000bb' });
  file.documents.push({ id: 'd1', name: 'Interview 1', text: TEXT, createdAt: T0, source: { fileName: 'i1.txt', type: 'text/plain', size: 90, sha256: 'abc' }, attributes: {}, structure: [] });
  file.codes.push(code('k-barriers', 'Barriers'), code('k-data', 'Data sharing', 'k-barriers'), code('k-trust', 'Trust'), code('k-training', 'Training'));
  file.codings.push(coding('g0', 'never had training', 'k-training', 'alice'));
  file.memos.push({ id: 'm1', target: { kind: 'code', id: 'k-trust' }, title: 'Trust', text: 'About trust.', coderId: 'alice', createdAt: T0, modifiedAt: T0 });
  return file;
}

/** A deep copy to edit as one coder would. */
const copy = (file: ProjectFile): ProjectFile => structuredClone(file);
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

function merge(input: Partial<MergeInput> & Pick<MergeInput, 'ours' | 'theirs'>) {
  return mergeProjects({ base: null, now: NOW, ...input });
}

describe('three-way merge, per entity', () => {
  it('keeps additions from both sides', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codings.push(coding('g-alice', 'Data sharing took weeks', 'k-data', 'alice'));
    const theirs = copy(base);
    theirs.codings.push(coding('g-bob', 'Nobody trusted the forms', 'k-trust', 'bob'));
    theirs.codes.push(code('k-forms', 'Forms'));
    const { file, report, unresolved, changed } = merge({ base, ours, theirs });
    expect(file.codings.map((c) => c.id)).toEqual(['g-alice', 'g-bob', 'g0']);
    expect(file.codes.map((c) => c.name).sort()).toEqual(['Barriers', 'Data sharing', 'Forms', 'Training', 'Trust']);
    expect(report.addedFromOurs).toEqual({ codings: 1 });
    expect(report.addedFromTheirs).toEqual({ codings: 1, codes: 1 });
    expect(report.deleted).toEqual({});
    expect(unresolved).toEqual([]);
    expect(changed).toBe(true);
    expect(file.project.modifiedAt).toBe(NOW);
  });

  it('takes a field changed on one side only, whichever side', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codes.find((c) => c.id === 'k-trust')!.color = '#00ff00';
    const theirs = copy(base);
    theirs.codes.find((c) => c.id === 'k-trust')!.name = 'Trust in systems';
    theirs.memos[0]!.text = 'About trust, revised.';
    const { file, report } = merge({ base, ours, theirs });
    const trust = file.codes.find((c) => c.id === 'k-trust')!;
    expect([trust.name, trust.color]).toEqual(['Trust in systems', '#00ff00']);
    expect(file.memos[0]!.text).toBe('About trust, revised.');
    expect(report.conflicts).toEqual([]);
  });

  it('applies a deletion made on one side when the other side left the entity alone', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codes = ours.codes.filter((c) => c.id !== 'k-data');
    const theirs = copy(base);
    theirs.memos = [];
    const { file, report } = merge({ base, ours, theirs });
    expect(file.codes.map((c) => c.id)).not.toContain('k-data');
    expect(file.memos).toEqual([]);
    expect(report.deleted).toEqual({ codes: 1, memos: 1 });
  });

  it('keeps an entity deleted on one side and changed on the other, and says so', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.memos = [];
    const theirs = copy(base);
    theirs.memos[0]!.text = 'Trust matters more than we thought.';
    const { file, report } = merge({ base, ours, theirs });
    expect(file.memos.map((m) => m.text)).toEqual(['Trust matters more than we thought.']);
    expect(report.notes).toContain('Memo "Trust" was deleted in ours but changed in theirs; theirs was kept.');
    expect(report.deleted).toEqual({});
  });

  it('does not delete a code the other side has coded with since', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codes = ours.codes.filter((c) => c.id !== 'k-trust');
    ours.memos = [];
    const theirs = copy(base);
    theirs.codings.push(coding('g-bob', 'Nobody trusted the forms', 'k-trust', 'bob'));
    const { file, report } = merge({ base, ours, theirs });
    expect(file.codes.map((c) => c.id)).toContain('k-trust');
    expect(file.codings.map((c) => c.id)).toContain('g-bob');
    expect(report.notes).toContain('Code "Trust" was deleted on one side but is still used by Coding of "Nobody trusted the forms"; it was kept.');
    expect(parseProjectText(serializeProject(file)).ok).toBe(true);
  });

  it('lists a field changed two ways as a conflict with a stable id, keeping ours until resolved', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codes.find((c) => c.id === 'k-trust')!.name = 'Trust (institutional)';
    ours.memos[0]!.text = 'Ours.';
    const theirs = copy(base);
    theirs.codes.find((c) => c.id === 'k-trust')!.name = 'Distrust';
    theirs.memos[0]!.text = 'Theirs.';
    theirs.codes.find((c) => c.id === 'k-data')!.parentId = null;
    ours.codes.find((c) => c.id === 'k-data')!.parentId = 'k-trust';
    const result = merge({ base, ours, theirs });
    expect(result.report.conflicts).toEqual([
      { id: 'codes:k-data:parentId', table: 'codes', entityId: 'k-data', label: 'Code "Data sharing" moved to two parents', ours: 'Trust (institutional)', theirs: '(top level)', base: 'Barriers' },
      { id: 'codes:k-trust:name', table: 'codes', entityId: 'k-trust', label: 'Code "Trust (institutional)" renamed two ways', ours: 'Trust (institutional)', theirs: 'Distrust', base: 'Trust' },
      { id: 'memos:m1:text', table: 'memos', entityId: 'm1', label: 'Memo "Trust" edited on both sides', ours: 'Ours.', theirs: 'Theirs.', base: 'About trust.' },
    ]);
    expect(result.unresolved.map((c) => c.id)).toEqual(['codes:k-data:parentId', 'codes:k-trust:name', 'memos:m1:text']);
    expect(result.file.codes.find((c) => c.id === 'k-trust')!.name).toBe('Trust (institutional)');

    const resolved = merge({ base, ours, theirs, resolutions: { 'codes:k-trust:name': 'theirs', 'memos:m1:text': 'ours', 'codes:k-data:parentId': 'theirs' } });
    expect(resolved.unresolved).toEqual([]);
    expect(resolved.file.codes.find((c) => c.id === 'k-trust')!.name).toBe('Distrust');
    expect(resolved.file.codes.find((c) => c.id === 'k-data')!.parentId).toBeNull();
    expect(resolved.file.memos[0]!.text).toBe('Ours.');

    const theirsWins = merge({ base, ours, theirs, prefer: 'theirs' });
    expect(theirsWins.unresolved).toEqual([]);
    expect(theirsWins.file.memos[0]!.text).toBe('Theirs.');
    // A choice for one conflict beats the side preferred for all.
    const mixed = merge({ base, ours, theirs, prefer: 'theirs', resolutions: { 'memos:m1:text': 'ours' } });
    expect(mixed.file.memos[0]!.text).toBe('Ours.');
    expect(mixed.file.codes.find((c) => c.id === 'k-trust')!.name).toBe('Distrust');
  });

  it('without a base, adds what only one side has and lists every difference as a conflict', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codes = ours.codes.filter((c) => c.id !== 'k-training');
    ours.codings = [];
    ours.codes.find((c) => c.id === 'k-trust')!.color = '#00ff00';
    const theirs = copy(base);
    const { file, report, unresolved } = merge({ ours, theirs });
    // No base: a missing entity may be new on the other side, so nothing counts as deleted.
    expect(file.codes.map((c) => c.id)).toContain('k-training');
    expect(file.codings.map((c) => c.id)).toEqual(['g0']);
    expect(report.addedFromTheirs).toEqual({ codes: 1, codings: 1 });
    expect(unresolved.map((c) => [c.id, c.ours, c.theirs, c.base])).toEqual([['codes:k-trust:color', '#00ff00', '#112233', null]]);
  });

  it('merges variable values key by key', () => {
    const base = handedOut();
    base.variables.push({ id: 'v-age', name: 'Age', type: 'number', description: '' }, { id: 'v-role', name: 'Role', type: 'text', description: '' });
    const ours = copy(base);
    ours.documents[0]!.attributes = { 'v-age': 41 };
    const theirs = copy(base);
    theirs.documents[0]!.attributes = { 'v-role': 'nurse' };
    const { file, report } = merge({ base, ours, theirs });
    expect(file.documents[0]!.attributes).toEqual({ 'v-age': 41, 'v-role': 'nurse' });
    expect(report.conflicts).toEqual([]);
    theirs.documents[0]!.attributes = { 'v-age': 40 };
    expect(merge({ base, ours, theirs }).unresolved.map((c) => [c.id, c.label, c.ours, c.theirs])).toEqual([
      ['documents:d1:attributes.v-age', 'Document "Interview 1": variable "Age" set two ways', '41', '40'],
    ]);
  });

  it('undoes a loop of parents made by two moves that were each fine alone', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codes.find((c) => c.id === 'k-trust')!.parentId = 'k-training';
    const theirs = copy(base);
    theirs.codes.find((c) => c.id === 'k-training')!.parentId = 'k-trust';
    const { file, report } = merge({ base, ours, theirs });
    const parent = (id: string) => file.codes.find((c) => c.id === id)!.parentId;
    expect([parent('k-trust'), parent('k-training')]).toEqual(['k-training', null]);
    expect(report.notes.some((n) => n.includes('were moved under each other'))).toBe(true);
  });

  it('keeps codings of the same passage by two coders as two codings', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.codings.push(coding('g-a', 'Data sharing took weeks', 'k-data', 'alice'));
    const theirs = copy(base);
    theirs.codings.push(coding('g-b', 'Data sharing took weeks', 'k-data', 'bob'));
    const { file } = merge({ base, ours, theirs });
    expect(file.codings.filter((c) => c.quote === 'Data sharing took weeks').map((c) => c.coderId)).toEqual(['alice', 'bob']);
  });
});

describe('matching entities whose ids differ', () => {
  it('matches a document by its source hash and a code by its path, and remaps their codings and memos', () => {
    const ours = handedOut();
    const theirs = emptyProjectFile('Study', T0);
    theirs.coders.push({ id: 'bob', name: 'Bob', color: '#0000bb' });
    theirs.documents.push({ ...ours.documents[0]!, id: 'd-other', name: 'interview-1' });
    theirs.codes.push(code('x-barriers', 'Barriers', null, '#445566'), code('x-data', 'Data sharing', 'x-barriers'), code('x-new', 'New idea'));
    theirs.codings.push(coding('g-bob', 'Data sharing took weeks', 'x-data', 'bob', 'd-other'), coding('g-bob2', 'the forms', 'x-new', 'bob', 'd-other'));
    theirs.memos.push({ id: 'm-bob', target: { kind: 'document', id: 'd-other' }, title: 'Doc', text: 'Bob on the doc.', coderId: 'bob', createdAt: T0, modifiedAt: T0 });
    const { file, report, unresolved } = merge({ ours, theirs });
    expect(report.matched).toMatchObject({ byTextHash: 1, byCodePath: 2 });
    // Matched, they are one entity: where the two sides named or coloured it differently, the user chooses.
    expect(unresolved.map((c) => [c.id, c.ours, c.theirs])).toEqual([
      ['documents:d1:name', 'Interview 1', 'interview-1'],
      ['codes:k-barriers:color', '#112233', '#445566'],
    ]);
    expect(file.documents.map((d) => d.id)).toEqual(['d1']);
    expect(file.codes.map((c) => c.id)).toEqual(['k-barriers', 'k-data', 'k-training', 'k-trust', 'x-new']);
    const bob = byId(file.codings.filter((c) => c.coderId === 'bob'));
    expect(bob.map((c) => [c.id, c.documentId, c.codeId])).toEqual([
      ['g-bob', 'd1', 'k-data'],
      ['g-bob2', 'd1', 'x-new'],
    ]);
    expect(file.memos.find((m) => m.id === 'm-bob')!.target).toEqual({ kind: 'document', id: 'd1' });
    expect(parseProjectText(serializeProject(file)).ok).toBe(true);
  });

  it('matches a document without a source by its identical text', () => {
    const ours = handedOut();
    ours.documents[0]!.source = null;
    const theirs = copy(ours);
    theirs.documents[0]!.id = 'd-theirs';
    theirs.codings = [coding('g-bob', 'Nobody trusted', 'k-trust', 'bob', 'd-theirs')];
    const { file, report } = merge({ ours, theirs });
    expect(report.matched.byTextHash).toBe(1);
    expect(file.documents).toHaveLength(1);
    expect(file.codings.find((c) => c.id === 'g-bob')!.documentId).toBe('d1');
  });

  it('warns when the two files share no document, as copies of another study would', () => {
    const ours = handedOut();
    const theirs = emptyProjectFile('Other study', T0);
    const other = 'A different interview altogether, from another study.';
    theirs.coders.push({ id: 'zed', name: 'Zed', color: '#00aa00' });
    theirs.documents.push({ id: 'd9', name: 'Interview 9', text: other, createdAt: T0, source: null, attributes: {}, structure: [] });
    theirs.codes.push(code('k-other', 'Trust'));
    theirs.codings.push(coding('g9', 'different interview', 'k-other', 'zed', 'd9', other));
    const { file, report } = merge({ ours, theirs });
    expect(file.documents.map((d) => d.id).sort()).toEqual(['d1', 'd9']);
    expect(report.notes).toContain('No document is in both files, so theirs may not be a copy of this project: its 1 document was added next to ours.');
    // Copies of one project share their documents: no such warning.
    expect(merge({ ours, theirs: copy(ours) }).report.notes).toEqual([]);
    // Nor when one side has no documents yet.
    const empty = emptyProjectFile('Study', T0);
    expect(merge({ ours: empty, theirs: copy(ours) }).report.notes.filter((n) => n.startsWith('No document'))).toEqual([]);
  });

  it('keeps two coders with one name but different ids apart and says so', () => {
    const ours = handedOut();
    const theirs = copy(ours);
    theirs.coders.push({ id: 'alice-2', name: 'Alice', color: '#aa0000' });
    theirs.codings.push(coding('g-a2', 'Nobody trusted', 'k-trust', 'alice-2'));
    const { file, report } = merge({ ours, theirs });
    expect(file.coders.map((c) => c.id)).toEqual(['alice', 'alice-2', 'bob']);
    expect(file.codings.find((c) => c.id === 'g-a2')!.coderId).toBe('alice-2');
    expect(report.notes.some((n) => n.startsWith('Two coders are called "Alice" (ids alice and alice-2)'))).toBe(true);
  });
});

describe('documents whose texts differ', () => {
  const EDITED = 'We never had any training on the new system. Data sharing took weeks. The forms were fine.';

  it('keeps ours\' text, places theirs\' codings on it by quote, and reports those it cannot place', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.documents[0]!.text = EDITED;
    ours.codings = [coding('g0', 'never had any training', 'k-training', 'alice', 'd1', EDITED)];
    const theirs = copy(base);
    theirs.codings.push(coding('g-weeks', 'took weeks', 'k-data', 'bob'), coding('g-trust', 'Nobody trusted', 'k-trust', 'bob'));
    theirs.memos.push({ id: 'm-g', target: { kind: 'coding', id: 'g-trust' }, title: '', text: 'Why?', coderId: 'bob', createdAt: T0, modifiedAt: T0 });
    const { file, report } = merge({ base, ours, theirs });
    expect(file.documents[0]!.text).toBe(EDITED);
    const weeks = file.codings.find((c) => c.id === 'g-weeks')!;
    expect(EDITED.slice(weeks.start, weeks.end)).toBe('took weeks');
    expect(weeks.start).toBe(EDITED.indexOf('took weeks'));
    // ours' own coding stays as ours has it.
    expect(file.codings.find((c) => c.id === 'g0')!.quote).toBe('never had any training');
    expect(file.codings.map((c) => c.id)).not.toContain('g-trust');
    expect(report.reanchored).toBe(1);
    expect(report.unplaced).toEqual([{ document: 'Interview 1', code: 'Trust', quote: 'Nobody trusted', side: 'theirs' }]);
    expect(file.memos.find((m) => m.id === 'm-g')!.target).toEqual({ kind: 'document', id: 'd1' });
    expect(report.notes[0]).toBe('"Interview 1": the text differs between the two files; ours was kept and theirs\' codings were placed on it by quote.');
    expect(parseProjectText(serializeProject(file)).ok).toBe(true);
  });
});

describe('idempotence', () => {
  function twoCoders() {
    const base = handedOut();
    const ours = copy(base);
    ours.codings.push(coding('g-alice', 'Data sharing took weeks', 'k-data', 'alice'));
    ours.codes.find((c) => c.id === 'k-trust')!.name = 'Trust (ours)';
    const theirs = copy(base);
    theirs.codings.push(coding('g-bob', 'Nobody trusted the forms', 'k-trust', 'bob'));
    theirs.codes.find((c) => c.id === 'k-trust')!.name = 'Trust (theirs)';
    theirs.documents[0]!.text = TEXT.replace('Nobody trusted', 'No one trusted');
    theirs.codings = theirs.codings.map((c) => (c.id === 'g-bob' ? coding('g-bob', 'trusted the forms', 'k-trust', 'bob', 'd1', theirs.documents[0]!.text) : c));
    return { base, ours, theirs };
  }

  it('merging a project with itself gives the same bytes and changes nothing', () => {
    const file = handedOut();
    const text = serializeProject(file);
    for (const base of [null, file]) {
      const result = merge({ base, ours: file, theirs: copy(file) });
      expect(result.changed).toBe(false);
      expect(serializeProject(result.file)).toBe(text);
      expect(result.report.conflicts).toEqual([]);
    }
  });

  it('hands back the change that turns ours into the merged file, empty when nothing changed', () => {
    const { base, ours, theirs } = twoCoders();
    const result = merge({ base, ours, theirs, resolutions: { 'codes:k-trust:name': 'theirs' } });
    const state = stateFromFile(ours);
    applyChange(state, result.change);
    // The project's modifiedAt is left to whoever records the change.
    expect(fileFromState(state)).toEqual({ ...result.file, project: ours.project });
    expect(merge({ base, ours, theirs: copy(ours) }).change).toEqual({ patches: [] });
  });

  it('merging the same copy again changes nothing', () => {
    const { base, ours, theirs } = twoCoders();
    for (const b of [base, null]) {
      const first = merge({ base: b, ours, theirs, resolutions: { 'codes:k-trust:name': 'theirs' } });
      expect(first.changed).toBe(true);
      expect(first.file.codings.map((c) => c.id)).toEqual(['g-alice', 'g-bob', 'g0']);
      const again = merge({ base: b, ours: first.file, theirs, resolutions: { 'codes:k-trust:name': 'theirs' }, now: '2027-01-01T00:00:00.000Z' });
      expect(again.changed).toBe(false);
      expect(serializeProject(again.file)).toBe(serializeProject(first.file));
    }
  });
});

describe('progress', () => {
  it('reports steps from 0 to the total', () => {
    const calls: [number, number][] = [];
    merge({ ours: handedOut(), theirs: handedOut(), onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[0]).toEqual([0, 12]);
    expect(calls.at(-1)).toEqual([12, 12]);
  });
});
