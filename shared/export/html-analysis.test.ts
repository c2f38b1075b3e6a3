/** The HTML report's analysis sections: real figures from the shared fixture, accessible tables, every name escaped. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { htmlReport } from './html-report';
import { analysisFile, analysisProject, TWO_INTERVIEWS } from '../analysis/fixtures/analysis-project';
import { stateFromFile } from '../model/state';
import { REPORT_SECTIONS } from './report-sections';

const runs = (short: number) => Number(process.env.GLOSS_PROPERTY_RUNS) || short;
const state = analysisProject(TWO_INTERVIEWS);
const text = (node: Element) => DomUtils.textContent(node);
const tables = (html: string) => DomUtils.getElementsByTagName('table', parseDocument(html).children, true);
/** A table as rows of cell texts (header row included). */
const cells = (table: Element) => DomUtils.getElementsByTagName('tr', table, true).map((tr) => DomUtils.getChildren(tr).filter((c): c is Element => (c as Element).tagName !== undefined).map(text));

describe('the HTML report with analysis sections', () => {
  it('holds none unless chosen: the report is as before', () => {
    expect(htmlReport(state, { sections: [] })).toBe(htmlReport(state));
    expect(tables(htmlReport(state))).toHaveLength(0);
  });

  it('code frequencies: a row per code with the figures the view shows', () => {
    const [table] = tables(htmlReport(state, { sections: ['frequencies'] }));
    expect(text(DomUtils.getElementsByTagName('caption', table!)[0]!)).toMatch(/^Code frequencies/);
    expect(cells(table!)).toEqual([
      ['Code', 'Codings', 'Documents', 'Characters', 'Codings with sub-codes', 'Documents with sub-codes', 'Characters with sub-codes'],
      ['Barriers', '2', '2', '22', '3', '2', '33'],
      ['Barriers > Training', '1', '1', '12', '1', '1', '12'],
      ['Delay', '2', '2', '24', '2', '2', '24'],
    ]);
    // Column headers and row headers say what each figure is.
    expect(DomUtils.getElementsByTagName('th', table!, true).map((th) => th.attribs.scope)).toEqual([...new Array(7).fill('col'), 'row', 'row', 'row']);
  });

  it('co-occurrence: counts and c-coefficients per pair; codes × documents with totals', () => {
    const [pairs, matrix] = tables(htmlReport(state, { sections: ['matrix', 'cooccurrence'] }));
    expect(cells(pairs!)).toEqual([
      ['Code A', 'Code B', 'Co-occurring pairs', 'c-coefficient'],
      ['Barriers', 'Barriers > Training', '1', '0.50'],
      ['Barriers', 'Delay', '2', '1.00'],
      ['Barriers > Training', 'Delay', '1', '0.50'],
    ]);
    expect(cells(matrix!)).toEqual([
      ['Code', 'Interview 1', 'Interview 2', 'Total'],
      ['Barriers', '1', '1', '2'],
      ['Barriers > Training', '1', '0', '1'],
      ['Delay', '1', '1', '2'],
      ['Total', '3', '2', '5'],
    ]);
  });

  it('framework matrix: each case’s summaries with the codings behind them', () => {
    const file = analysisFile({ ...TWO_INTERVIEWS, cases: { Ana: { documents: ['Interview 1'] } } });
    file.summaries = [{ id: 's1', row: { kind: 'case', id: 'Ana' }, codeId: 'Delay', text: 'Waited <weeks>.', coderId: 'ana', createdAt: '2026-01-02T00:00:00.000Z', modifiedAt: '2026-01-02T00:00:00.000Z' }];
    const html = htmlReport(stateFromFile(file), { sections: ['framework'] });
    expect(html).toContain('Waited &lt;weeks&gt;.');
    expect(cells(tables(html)[0]!)).toEqual([
      ['Case', 'Barriers', 'Barriers > Training', 'Delay'],
      ['Ana', 'No summary yet.1 coding', 'No summary yet.1 coding', 'Waited <weeks>.1 coding'],
    ]);
  });

  it('under a filter, counts only that and says so in every caption', () => {
    const html = htmlReport(state, { sections: [...REPORT_SECTIONS], filter: { documentIds: ['Interview 2'] } });
    const all = tables(html);
    expect(all).toHaveLength(4);
    for (const table of all) expect(text(DomUtils.getElementsByTagName('caption', table)[0]!)).toContain('Counted only: document “Interview 2”.');
    expect(cells(all[0]!)[1]).toEqual(['Barriers', '1', '1', '12', '1', '1', '12']);
    expect(cells(all[1]!).slice(1)).toEqual([['Barriers', 'Delay', '1', '1.00']]);
    // The codebook and excerpts stay the whole project.
    expect(html).toContain('<h3>Interview 1</h3>');
  });

  it('escapes every code, document, case and variable name and summary, however hostile', () => {
    const name = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', 'a', ' ', '=', '\u202e', '\n', '😀'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(name, name, name, name, (codeName, docName, caseName, summary) => {
        const file = analysisFile({ documents: { d: 'Some text here.' }, codes: { c: null, k: 'c' }, codings: [['d', 'c', 0, 4], ['d', 'k', 2, 8]], cases: { s: { documents: ['d'] } } });
        file.codes[0]!.name = codeName;
        file.documents[0]!.name = docName;
        file.cases[0]!.name = caseName;
        file.summaries = [{ id: 's1', row: { kind: 'case', id: 's' }, codeId: 'c', text: summary, coderId: 'ana', createdAt: '2026-01-02T00:00:00.000Z', modifiedAt: '2026-01-02T00:00:00.000Z' }];
        const html = htmlReport(stateFromFile(file), { sections: [...REPORT_SECTIONS], filter: { documentIds: ['d'], caseIds: ['s'] } });
        const start = html.indexOf('<section class="analysis"');
        const end = html.lastIndexOf('</section>', html.indexOf('<section class="code"') === -1 ? html.length : html.indexOf('<section class="code"'));
        const sections = html.slice(start, end);
        // No markup comes from a name: every < and & in the sections is the report's own.
        const stripped = sections.replace(/<\/?(section|h2|div|table|caption|span|thead|tbody|tfoot|tr|th|td|br)\b[^<>]*>/g, '');
        expect(stripped).not.toMatch(/[<>"]/);
        expect(stripped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        // And parsed back, each name reads as it is.
        const texts = tables(html).flatMap((t) => cells(t).flat());
        expect(texts).toContain(codeName);
        expect(texts).toContain(`${codeName} > k`);
        expect(texts).toContain(docName);
        expect(texts).toContain(caseName);
      }),
      { numRuns: runs(200) },
    );
  });
});
