import { describe, expect, it } from 'vitest';
import type { AgreementRow } from '../../../../shared/agreement/types';
import { agreementCsv, formatStatistic, groupRows, missingReason, nextSort, sortGroups } from './table-rows';

function row(code: string, document: string | null, percent: number | null, kappa: number | null, units = 10): AgreementRow {
  return {
    code,
    code_id: `c-${code}`,
    document,
    document_id: document === null ? null : `d-${document}`,
    unit: 'char',
    coders: ['Ana', 'Ben'],
    percent_agreement: percent,
    cohen_kappa: kappa,
    fleiss_kappa: kappa,
    krippendorff_alpha: kappa,
    counts: { units, both: 2, only_first: 1, only_second: 0, neither: units - 3 },
  };
}

const rows = [
  row('training', null, 0.9, 0.5),
  row('training', 'B', 0.8, null),
  row('training', 'A', 1, 0.7),
  row('delays', null, 0.6, -0.25),
  row('delays', 'A', 0.6, -0.25),
  row('unused', null, 1, null),
];

describe('the agreement table', () => {
  it('groups rows per code with the overall row apart', () => {
    const groups = groupRows(rows);
    expect(groups.map((g) => [g.codeId, g.overall?.document, g.documents.map((d) => d.document)])).toEqual([
      ['c-training', null, ['B', 'A']],
      ['c-delays', null, ['A']],
      ['c-unused', null, []],
    ]);
  });

  it('sorts groups by their overall rows and documents inside them, undefined last either way', () => {
    const byKappaDown = sortGroups(groupRows(rows), { key: 'cohen', direction: 'descending' });
    expect(byKappaDown.map((g) => g.codeId)).toEqual(['c-training', 'c-delays', 'c-unused']);
    expect(byKappaDown[0]!.documents.map((d) => d.document)).toEqual(['A', 'B']);
    const byKappaUp = sortGroups(groupRows(rows), { key: 'cohen', direction: 'ascending' });
    expect(byKappaUp.map((g) => g.codeId)).toEqual(['c-delays', 'c-training', 'c-unused']);
    expect(byKappaUp[1]!.documents.map((d) => d.document)).toEqual(['A', 'B']);
    const byName = sortGroups(groupRows(rows), { key: 'code', direction: 'ascending' });
    expect(byName.map((g) => g.codeId)).toEqual(['c-delays', 'c-training', 'c-unused']);
  });

  it('sorts the documents of the groups asked for only, the others left as they came', () => {
    const open = (g: { codeId: string }) => g.codeId === 'c-training';
    const sorted = sortGroups(groupRows(rows), { key: 'cohen', direction: 'descending' }, open);
    expect(sorted.map((g) => g.codeId)).toEqual(['c-training', 'c-delays', 'c-unused']);
    expect(sorted[0]!.documents.map((d) => d.document)).toEqual(['A', 'B']);
    const closed = sortGroups(groupRows(rows), { key: 'cohen', direction: 'descending' }, () => false);
    expect(closed[0]!.documents.map((d) => d.document)).toEqual(groupRows(rows).find((g) => g.codeId === 'c-training')!.documents.map((d) => d.document));
  });

  it('flips the direction on the same column and starts numbers high', () => {
    expect(nextSort({ key: 'code', direction: 'ascending' }, 'code')).toEqual({ key: 'code', direction: 'descending' });
    expect(nextSort({ key: 'code', direction: 'ascending' }, 'cohen')).toEqual({ key: 'cohen', direction: 'descending' });
  });

  it('formats statistics and keeps undefined apart from 0 and 1', () => {
    expect(formatStatistic(0.8571, 'percent')).toBe('85.7 %');
    expect(formatStatistic(-0.25, 'coefficient')).toBe('\u22120.250');
    expect(formatStatistic(0, 'coefficient')).toBe('0.000');
    // A statistic that rounds to zero is shown without a sign (issue 13, item 3).
    expect(formatStatistic(-0.0001, 'coefficient')).toBe('0.000');
    expect(formatStatistic(-0, 'coefficient')).toBe('0.000');
    expect(formatStatistic(null, 'coefficient')).toBeNull();
    expect(missingReason(row('x', null, 1, null), 'cohen')).toMatchObject({ text: 'undefined', why: expect.stringContaining('no variation') });
    expect(missingReason({ ...row('x', null, 1, null), coders: ['A', 'B', 'C'] }, 'cohen').text).toBe('n/a');
    expect(missingReason({ ...row('x', null, 1, null), unit: 'segment' }, 'alpha')).toMatchObject({ text: 'n/a', why: expect.stringContaining('segments') });
    expect(missingReason({ ...row('x', null, 0, null), unit: 'segment' }, 'percent').text).toBe('undefined');
    expect(missingReason(row('x', null, null, null, 0), 'percent').why).toContain('no units');
  });

  it('writes the table as CSV, overall row first, empty cells for undefined', () => {
    const lines = agreementCsv(rows).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('code,document,unit,coders,percent_agreement,cohen_kappa,fleiss_kappa,krippendorff_alpha,units,both,only_first,only_second,neither,agreed');
    expect(lines.slice(1, 4)).toEqual([
      'training,All documents,char,Ana; Ben,0.9,0.5,0.5,0.5,10,2,1,0,7,',
      'training,B,char,Ana; Ben,0.8,,,,10,2,1,0,7,',
      'training,A,char,Ana; Ben,1,0.7,0.7,0.7,10,2,1,0,7,',
    ]);
    expect(lines).toHaveLength(7);
  });

  it('puts a quote mark before a code, document or coder name that a spreadsheet would run, unless raw', () => {
    const hostile = { ...row('=cmd|calc', '@doc', 0.5, -0.25), coders: ['-Ana', 'Ben'] };
    const [, line] = agreementCsv([hostile]).replace(/^\ufeff/, '').trim().split('\r\n');
    // The negative kappa is a number, not text: it stays -0.25.
    expect(line).toBe("'=cmd|calc,'@doc,char,'-Ana; Ben,0.5,-0.25,-0.25,-0.25,10,2,1,0,7,");
    const [, raw] = agreementCsv([hostile], { raw: true }).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(raw).toBe('=cmd|calc,@doc,char,-Ana; Ben,0.5,-0.25,-0.25,-0.25,10,2,1,0,7,');
  });
});
