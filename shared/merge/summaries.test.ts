/** Framework summaries through a merge: one per cell, both sides' words kept or put to the user. */
import { describe, expect, it } from 'vitest';
import type { ProjectFile, Summary } from '../model/schema';
import { emptyProjectFile } from '../model/state';
import { checkProject } from '../model/check-project';
import { mergeProjects } from './merge-projects';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-05T00:00:00.000Z';
const NOW = '2026-02-02T00:00:00.000Z';

function handedOut(): ProjectFile {
  const file = emptyProjectFile('Study', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' }, { id: 'bob', name: 'Bob', color: '#0000bb' });
  file.documents.push({ id: 'd1', name: 'Interview 1', text: 'Some text.', createdAt: T0, source: null, attributes: {}, structure: [] });
  file.codes.push({ id: 'k-trust', name: 'Trust', color: '#112233', description: '', parentId: null, codable: true, createdAt: T0 });
  file.cases.push({ id: 'p1', name: 'Person 1', description: '', documentIds: ['d1'], values: {} });
  return file;
}

const summary = (id: string, text: string, coderId: string, modifiedAt = T1): Summary => ({
  id,
  row: { kind: 'case', id: 'p1' },
  codeId: 'k-trust',
  text,
  coderId,
  createdAt: T1,
  modifiedAt,
});

const copy = (file: ProjectFile): ProjectFile => structuredClone(file);

describe('merging framework summaries', () => {
  it('two summaries written independently for one cell become one: the same words silently, different words as a conflict', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.summaries.push(summary('s-alice', 'Distrusts the council.', 'alice'));
    const same = copy(base);
    same.summaries.push(summary('s-bob', 'Distrusts the council.', 'bob'));
    const agreed = mergeProjects({ base, ours, theirs: same, now: NOW });
    expect(agreed.file.summaries.map((s) => [s.id, s.text])).toEqual([['s-alice', 'Distrusts the council.']]);
    expect(agreed.report.conflicts).toEqual([]);

    const theirs = copy(base);
    theirs.summaries.push(summary('s-bob', 'Trusts nurses, not managers.', 'bob', '2026-01-06T00:00:00.000Z'));
    const open = mergeProjects({ base, ours, theirs, now: NOW });
    expect(open.file.summaries).toHaveLength(1);
    expect(open.unresolved).toEqual([
      {
        id: 'summaries:s-alice:text',
        table: 'summaries',
        entityId: 's-alice',
        label: 'Summary of case "Person 1" on code "Trust" written two ways',
        ours: 'Distrusts the council.',
        theirs: 'Trusts nurses, not managers.',
        base: null,
      },
    ]);
    const picked = mergeProjects({ base, ours, theirs, now: NOW, resolutions: { 'summaries:s-alice:text': 'theirs' } });
    // Who wrote it and when follow the words kept.
    expect(picked.file.summaries).toEqual([{ ...summary('s-alice', 'Trusts nurses, not managers.', 'bob', '2026-01-06T00:00:00.000Z') }]);
    expect(checkProject(picked.file).problems).toEqual([]);
  });

  it('an edit on one side since the base wins, and a summary one side added is kept', () => {
    const base = handedOut();
    base.summaries.push(summary('s1', 'First draft.', 'alice'));
    const ours = copy(base);
    const theirs = copy(base);
    theirs.summaries[0] = { ...theirs.summaries[0]!, text: 'Second draft.', coderId: 'bob', modifiedAt: '2026-01-09T00:00:00.000Z' };
    theirs.documents.push({ id: 'd2', name: 'Interview 2', text: 'More.', createdAt: T0, source: null, attributes: {}, structure: [] });
    theirs.summaries.push({ ...summary('s2', 'On the second interview.', 'bob'), row: { kind: 'document', id: 'd2' } });
    const { file, report } = mergeProjects({ base, ours, theirs, now: NOW });
    expect(file.summaries.map((s) => [s.id, s.text, s.coderId])).toEqual([
      ['s1', 'Second draft.', 'bob'],
      ['s2', 'On the second interview.', 'bob'],
    ]);
    expect(report.conflicts).toEqual([]);
    expect(report.addedFromTheirs).toEqual({ documents: 1, summaries: 1 });
  });

  it('a case one side deleted stays while the other side summarised it', () => {
    const base = handedOut();
    const ours = copy(base);
    ours.cases = [];
    const theirs = copy(base);
    theirs.summaries.push(summary('s1', 'Written meanwhile.', 'bob'));
    const { file, report } = mergeProjects({ base, ours, theirs, now: NOW });
    expect(file.cases.map((c) => c.id)).toEqual(['p1']);
    expect(file.summaries.map((s) => s.text)).toEqual(['Written meanwhile.']);
    expect(report.notes).toContain('Case "Person 1" was deleted on one side but is still used by Summary "Written meanwhile."; it was kept.');
    expect(checkProject(file).problems).toEqual([]);
  });
});
