/**
 * Gloss → QDPX → Gloss: what the exporter writes, the importer must read back as the same
 * project (documents, codes, codings with the same excerpt text, memos, cases, variables,
 * sets), for both position units.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../model/schema';
import { emptyProjectFile, stateFromFile } from '../../model/state';
import { quoteAt } from '../../text/quote';
import { projectQdpx } from './qdpx-export';
import { readQdpx } from './qdpx-import';

const NOW = '2025-06-01T12:00:00.000Z';
const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const ANA = u(1);
const BEN = u(2);
const D1 = u(10);
const D2 = u(11);
const POLICE = u(20);
const POLICE_OTHER = u(21);
const COUNCIL = u(22);
const COUNCIL_OTHER = u(23);
const TRUST = u(24);
const V_ROLE = u(40);
const V_AGE = u(41);
const V_CONSENT = u(42);
const V_DATE = u(43);
const V_AREA = u(44);

const TEXT1 = 'Intro 😀😀 line.\nWe waited weeks for the data 🙂 and nobody trusted it.\nLast line.';
const TEXT2 = 'Council minutes: data sharing is slow.\n\nTrust was low.';

function span(text: string, part: string): [number, number] {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`“${part}” not in text`);
  return [at, at + part.length];
}

function project(): ProjectFile {
  const file = emptyProjectFile('Round trip', NOW);
  file.project.description = 'A study of waiting.';
  file.coders = [
    { id: ANA, name: 'Ana', color: '#e69f00' },
    { id: BEN, name: 'Ben', color: '#56b4e9' },
  ];
  const doc = (id: string, name: string, text: string, attributes: Record<string, string | number | boolean | null> = {}) => ({
    id,
    name,
    text,
    createdAt: NOW,
    source: null,
    attributes,
    structure: [],
  });
  file.documents = [doc(D1, 'Interview 1', TEXT1), doc(D2, 'Minutes', TEXT2, { [V_ROLE]: 'Clerk', [V_CONSENT]: false })];
  const code = (id: string, name: string, parentId: string | null, color: string, description = '', codable = true) => ({
    id,
    name,
    color,
    description,
    parentId,
    codable,
    createdAt: NOW,
  });
  file.codes = [
    code(POLICE, 'Police', null, '#1f77b4', 'What officers say', false),
    code(POLICE_OTHER, 'Other', POLICE, '#ff7f0e'),
    code(COUNCIL, 'Council', null, '#2ca02c', 'Council & partners <all>'),
    code(COUNCIL_OTHER, 'Other', COUNCIL, '#d62728'),
    code(TRUST, 'Trust 🤝', null, '#9467bd', 'Line one\nLine two'),
  ];
  const coding = (id: string, documentId: string, text: string, part: string, codeId: string, coderId: string) => {
    const [start, end] = span(text, part);
    return { id, documentId, codeId, coderId, start, end, ...quoteAt(text, start, end), createdAt: NOW, needsReview: false };
  };
  file.codings = [
    coding(u(30), D1, TEXT1, 'waited weeks for the data 🙂', POLICE_OTHER, ANA),
    // Overlaps the first one and follows astral characters.
    coding(u(31), D1, TEXT1, 'data 🙂 and nobody trusted it.\nLast', TRUST, BEN),
    coding(u(32), D1, TEXT1, 'Intro 😀😀', COUNCIL_OTHER, ANA),
    coding(u(33), D2, TEXT2, 'data sharing is slow', COUNCIL_OTHER, BEN),
    coding(u(34), D2, TEXT2, 'Trust was low.', TRUST, ANA),
  ];
  const memo = (id: string, target: ProjectFile['memos'][number]['target'], title: string, text: string, coderId: string) => ({
    id,
    target,
    title,
    text,
    coderId,
    createdAt: NOW,
    modifiedAt: NOW,
  });
  file.memos = [
    memo(u(50), { kind: 'project' }, 'Diary', 'Started.\nGoing well & fine.', ANA),
    memo(u(51), { kind: 'document', id: D1 }, 'About interview 1', 'Noisy room 😀', BEN),
    memo(u(52), { kind: 'code', id: TRUST }, 'Trust definition', 'Belief in others.', ANA),
    memo(u(53), { kind: 'coding', id: u(31) }, 'Key passage', 'This is the turning point.', BEN),
  ];
  file.variables = [
    { id: V_ROLE, name: 'Role', type: 'text', description: 'Job title', choices: ['Clerk', 'Sergeant', 'Chief “inspector”, night'] },
    { id: V_AGE, name: 'Age', type: 'number', description: '' },
    { id: V_CONSENT, name: 'Consent', type: 'boolean', description: '' },
    { id: V_DATE, name: 'Interviewed', type: 'date', description: '' },
    { id: V_AREA, name: 'Area', type: 'text', description: '', choices: ['Rural', 'Urban'] },
  ];
  file.cases = [
    {
      id: u(60),
      name: 'Officer A',
      description: 'Night shift',
      documentIds: [D1],
      values: { [V_ROLE]: 'Sergeant', [V_AGE]: 41, [V_CONSENT]: true, [V_DATE]: '2024-03-05' },
    },
    { id: u(61), name: 'Council', description: '', documentIds: [D1, D2], values: { [V_AGE]: 2.5 } },
  ];
  file.sets = [
    { id: u(70), name: 'Interviews', description: 'One-to-one', kind: 'documents', memberIds: [D1] },
    { id: u(71), name: 'Core codes', description: '', kind: 'codes', memberIds: [TRUST, POLICE_OTHER] },
  ];
  return file;
}

function roundTrip(positions: 'codepoints' | 'utf16', readAs: 'auto' | 'codepoints' | 'utf16'): { file: ProjectFile; warnings: string[] } {
  const exported = projectQdpx(stateFromFile(project()), { positions, origin: 'Gloss test' });
  if (!exported.ok) throw new Error(exported.error);
  let n = 0;
  const read = readQdpx(exported.value, 'round.qdpx', { positions: readAs, now: '2030-01-01T00:00:00.000Z', newId: () => `new-${++n}` });
  if (!read.ok) throw new Error(read.error);
  expect(read.value.report.skipped).toEqual([]);
  return { file: read.value.file, warnings: read.value.report.warnings };
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each([
  ['codepoints', 'auto'],
  ['codepoints', 'codepoints'],
  ['utf16', 'utf16'],
] as const)('Gloss → QDPX (%s) → Gloss (read as %s)', (positions, readAs) => {
  const original = project();
  const { file, warnings } = roundTrip(positions, readAs);

  it('gives back the project, the documents and the coders', () => {
    expect(file.project.name).toBe('Round trip');
    expect(file.project.description).toBe('A study of waiting.');
    expect(byId(file.documents).map((d) => ({ id: d.id, name: d.name, text: d.text, attributes: d.attributes }))).toEqual(
      byId(original.documents).map((d) => ({ id: d.id, name: d.name, text: d.text, attributes: d.attributes })),
    );
    expect(byId(file.coders).map((c) => [c.id, c.name])).toEqual([
      [ANA, 'Ana'],
      [BEN, 'Ben'],
    ]);
  });

  it('gives back the codes with hierarchy, colours, descriptions and folders', () => {
    const strip = (codes: ProjectFile['codes']) => byId(codes).map(({ createdAt: _, ...rest }) => rest);
    expect(strip(file.codes)).toEqual(strip(original.codes));
  });

  it('gives back every coding on the same excerpt text, by the same coder', () => {
    const shape = (c: ProjectFile['codings'][number]) => ({ id: c.id, documentId: c.documentId, codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end, quote: c.quote });
    expect(byId(file.codings).map(shape)).toEqual(byId(original.codings).map(shape));
    const texts = new Map(file.documents.map((d) => [d.id, d.text]));
    for (const c of file.codings) expect(texts.get(c.documentId)!.slice(c.start, c.end)).toBe(c.quote);
  });

  it('gives back the memos on their targets', () => {
    const shape = (m: ProjectFile['memos'][number]) => ({ id: m.id, target: m.target, title: m.title, text: m.text, coderId: m.coderId });
    expect(byId(file.memos).map(shape)).toEqual(byId(original.memos).map(shape));
  });

  it('gives back variables, cases and sets', () => {
    expect(byId(file.variables)).toEqual(byId(original.variables));
    expect(byId(file.cases)).toEqual(byId(original.cases));
    expect(byId(file.sets)).toEqual(byId(original.sets));
  });

  it('needs no warnings', () => {
    expect(warnings).toEqual([]);
  });
});

describe('position units matter', () => {
  const exported = projectQdpx(stateFromFile(project()), { positions: 'utf16', origin: 'Gloss test' });
  const read = (positions: 'auto' | 'codepoints') => {
    if (!exported.ok) throw new Error(exported.error);
    const result = readQdpx(exported.value, 'round.qdpx', { positions, now: NOW, newId: () => 'x' });
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  const quotesIn = (file: ProjectFile) => file.codings.filter((c) => c.documentId === D1).map((c) => c.quote).sort();
  const originalQuotes = quotesIn(project());

  it('a UTF-16 export read as code points puts passages with and after emoji elsewhere, and the report says so', () => {
    const { file, report } = read('codepoints');
    expect(quotesIn(file)).toEqual(['Intro 😀😀 l', 'ited weeks for the data 🙂 an', 'ta 🙂 and nobody trusted it.\nLast li'].sort());
    expect(report.warnings.join('\n')).toMatch(/as asked, but 5 of 5 quoted selections match UTF-16 code units.*\(only 2 as asked\)/);
  });

  it('read as auto, the quoted selection names pick UTF-16 and every passage comes back', () => {
    const { file, report } = read('auto');
    expect(quotesIn(file)).toEqual(originalQuotes);
    expect(report.positions).toMatch(/^UTF-16 code units.*matching the quoted text/);
  });
});
