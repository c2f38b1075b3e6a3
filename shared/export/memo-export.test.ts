/** Memos in the exports: the workbook's Memos sheet, the journal and document memos in the report and the notes. */
import { describe, expect, it } from 'vitest';
import { stateFromFile } from '../model/state';
import { exportProjectFile } from './fixtures/export-project';
import { htmlReport } from './html-report';
import { markdownFiles } from './markdown';
import { journalAndDocumentMemos, memoSheet, MEMOS_HEADER } from './memo-export';
import { workbookOf } from './workbook';

function withMemos() {
  const file = exportProjectFile();
  const doc = file.documents[0]!;
  const memo = (id: string, target: (typeof file.memos)[number]['target'], title: string, text: string, at: string) => ({ id, target, title, text, coderId: 'amira', createdAt: at, modifiedAt: at });
  file.memos.push(
    memo('j2', { kind: 'project' }, 'Week 2', 'Saturation <near>.', '2025-01-03T10:00:00.000Z'),
    memo('j1', { kind: 'project' }, 'Week 1', 'Started.\nSecond line.', '2025-01-02T10:00:00.000Z'),
    memo('d1', { kind: 'document', id: doc.id }, 'Setting', 'Night shift & noisy.', '2025-01-02T11:00:00.000Z'),
  );
  return { state: stateFromFile(file), docName: doc.name };
}

describe('memos in the exports', () => {
  it('lists every memo in the Memos sheet, newest change first, with what it is about and who wrote it', () => {
    const { state, docName } = withMemos();
    const sheet = memoSheet(state)!;
    expect(sheet.header).toEqual(MEMOS_HEADER);
    expect(sheet.rows.map((r) => r.slice(0, 3))).toEqual([
      ['project journal', 'Project journal', 'Week 2'],
      ['document', docName, 'Setting'],
      ['project journal', 'Project journal', 'Week 1'],
      ['code', 'Training gaps', 'Scope'],
      ['coding', expect.stringMatching(/: “/), 'Note'],
    ]);
    expect(sheet.rows[0]!.slice(3)).toEqual(['Saturation <near>.', 'Amira Haddad', '2025-01-03T10:00:00.000Z', '2025-01-03T10:00:00.000Z']);
    expect(workbookOf(state).sheets.map((s) => s.name)).toEqual(['Excerpts', 'Codebook', 'Code frequencies', 'Memos']);
  });

  it('leaves the sheet out of a project without memos', () => {
    const file = exportProjectFile();
    file.memos = [];
    expect(workbookOf(stateFromFile(file)).sheets.map((s) => s.name)).toEqual(['Excerpts', 'Codebook', 'Code frequencies']);
  });

  it('puts the journal (oldest first) and the document memos in the HTML report, escaped', () => {
    const { state, docName } = withMemos();
    expect(journalAndDocumentMemos(state).journal.map((m) => m.id)).toEqual(['j1', 'j2']);
    const html = htmlReport(state);
    const journal = html.slice(html.indexOf('<h2>Project journal</h2>'));
    expect(journal.indexOf('Week 1: Started.')).toBeLessThan(journal.indexOf('Week 2: Saturation &lt;near&gt;.'));
    expect(html).toContain(`<h2>Memos on documents</h2>\n<h3>${docName}</h3>\n<div class="memo">Setting: Night shift &amp; noisy.`);
  });

  it('writes them to Memos.md in the notes, linked from the index', () => {
    const { state, docName } = withMemos();
    const files = markdownFiles(state);
    const memos = files.find((f) => f.path === 'Memos.md')!;
    expect(memos.content).toContain('## Project journal\n\nWeek 1: Started.  \nSecond line.\n\n*2025-01-02*');
    expect(memos.content).toContain(`## ${docName}\n\nSetting: Night shift & noisy.`);
    expect(files[0]!.content).toContain('[Project journal and memos on documents](Memos.md)');
  });
});
