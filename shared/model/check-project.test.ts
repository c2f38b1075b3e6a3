import { describe, expect, it } from 'vitest';
import { checkProject, type ProblemKind } from './check-project';
import { parseProjectText } from './parse';
import { smallProject, ALPHA } from './fixtures/small-project';
import type { ProjectFile } from './schema';

const kinds = (file: ProjectFile) => checkProject(file).problems.map((p) => p.kind);

describe('checkProject', () => {
  it('finds nothing wrong with a sound project', () => {
    expect(checkProject(smallProject())).toEqual({ problems: [], total: 0, repairable: 0 });
  });

  it('names a coder that codings and memos refer to but the project does not list, once', () => {
    const file = smallProject();
    file.coders = [];
    const { problems } = checkProject(file);
    expect(problems).toEqual([
      {
        kind: 'coder-missing',
        table: 'coders',
        id: 'c1',
        message: "Coder c1 made 1 coding and 1 memo, but is not in the project's list of coders.",
        repair: 'adds a coder named “Coder c1” with that id',
        blocking: false,
      },
    ]);
  });

  it('names a memo whose target is gone', () => {
    const file = smallProject();
    file.memos[0]!.target = { kind: 'document', id: 'gone' };
    expect(checkProject(file).problems[0]).toMatchObject({
      kind: 'memo-target-missing',
      id: 'm1',
      message: 'Memo “Why” is on document gone, which is not in the project, so it is shown nowhere.',
      repair: 'makes it a memo on the project, where it is shown',
    });
  });

  it('names case and set members that are gone or listed twice', () => {
    const file = smallProject();
    file.cases[0]!.documentIds = ['d1', 'gone', 'd1'];
    file.sets[0]!.memberIds = ['d2', 'k1'];
    file.sets.push({ id: 's2', name: 'Codes', description: '', kind: 'codes', memberIds: ['k1', 'd1'] });
    expect(checkProject(file).problems.map((p) => p.message)).toEqual([
      'Case “Person 1” lists document gone, which is not in the project.',
      'Case “Person 1” lists document d1 twice.',
      'Set “Key” lists document k1, which is not in the project.',
      'Set “Codes” lists code d1, which is not in the project.',
    ]);
  });

  it('names values of a variable the project does not list', () => {
    const file = smallProject();
    file.variables = [];
    expect(checkProject(file).problems).toEqual([
      expect.objectContaining({ kind: 'variable-missing', table: 'variables', id: 'v1', message: "Variable v1 has values in 1 document and 1 case, but is not in the project's list of variables." }),
    ]);
  });

  it('reports values under an empty variable id, which no repair can give a variable', () => {
    const file = smallProject();
    file.documents[0]!.attributes = { '': 'x' };
    file.cases[0]!.values = { '': 1, v1: 'north' };
    expect(checkProject(file).problems).toEqual([
      {
        kind: 'variable-missing',
        table: 'variables',
        id: '',
        message: '1 document and 1 case hold values under an empty variable id, which no variable can have; they are kept as they are.',
        repair: null,
        blocking: false,
      },
    ]);
  });

  it('names reading structure that is reversed or past the end of the text', () => {
    const file = smallProject();
    file.documents[1]!.structure = [
      { kind: 'heading', start: 9, end: 2, level: 1 },
      { kind: 'page', start: 10, end: 400, label: '2' },
      { kind: 'paragraph', start: 0, end: 9 },
    ];
    expect(checkProject(file).problems.map((p) => [p.message, p.repair])).toEqual([
      ['Document “B”: its reading structure (heading 1, 9–2) ends before it starts.', 'sets that heading to 2–9'],
      ['Document “B”: its reading structure (page 2, 10–400) runs past the end of the text (24 characters).', 'sets that page to 10–24'],
    ]);
  });

  it('names a coding that splits a surrogate pair, and one whose text is not its quote', () => {
    const file = smallProject();
    const emoji = ALPHA.indexOf('😀');
    Object.assign(file.codings[0]!, { start: emoji + 1, end: emoji + 3, quote: ALPHA.slice(emoji + 1, emoji + 3) });
    file.codings.push({ ...file.codings[0]!, id: 'g2', start: 0, end: 5, quote: 'gamma', prefix: '', suffix: '' });
    expect(checkProject(file).problems.map((p) => [p.kind, p.message, p.repair])).toEqual([
      ['coding-splits-character', `Coding g1 (“x” in “A”, ${emoji + 1}–${emoji + 3}) splits a character in two.`, `widens it to ${emoji}–${emoji + 3}, the whole character`],
      ['quote-mismatch', 'Coding g2 (“x” in “A”, 0–5): the text there is not the text it was made on (“gamma”).', 'moves it to where that text is, or, if it is nowhere to be found, marks it for review'],
    ]);
  });

  it('leaves the quote of a coding waiting for review alone', () => {
    const file = smallProject();
    Object.assign(file.codings[0]!, { quote: 'what it was', needsReview: true });
    expect(kinds(file)).toEqual([]);
  });

  it('counts every problem but lists only as many as asked', () => {
    const file = smallProject();
    file.sets[0]!.memberIds = Array.from({ length: 50 }, (_, i) => `gone-${i}`);
    const check = checkProject(file, 10);
    expect(check.problems).toHaveLength(10);
    expect(check.total).toBe(50);
    expect(check.repairable).toBe(50);
  });

  it('marks as blocking what the loader refuses, and the loader names them all', () => {
    const file = smallProject();
    file.codings.push({ ...file.codings[0]!, id: 'g2', documentId: 'nowhere' }, { ...file.codings[0]!, id: 'g3', codeId: 'none', end: 99 });
    file.codes.push({ ...file.codes[0]!, id: 'k2', parentId: 'lost' });
    const problems = checkProject(file).problems;
    expect(problems.filter((p) => p.blocking).map((p) => p.kind)).toEqual<ProblemKind[]>(['code-parent-missing', 'coding-document-missing', 'coding-code-missing', 'coding-past-end']);
    expect(parseProjectText(JSON.stringify(file))).toEqual({
      ok: false,
      error:
        'codes[1].parentId: no code has id lost; codings[1].documentId: no document has id nowhere; codings[2].codeId: no code has id none; codings[2].end: 99 is past the end of its document (13 characters)',
    });
  });

  it('opens what it only reports', () => {
    const file = smallProject();
    file.coders = [];
    file.memos[0]!.target = { kind: 'code', id: 'gone' };
    expect(parseProjectText(JSON.stringify(file)).ok).toBe(true);
  });
});
