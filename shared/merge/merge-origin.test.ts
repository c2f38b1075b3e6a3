/** Merging what auto-code and suggestions record: a coding's origin and a code's dismissed suggestions. */
import { describe, expect, it } from 'vitest';
import type { Code, Coding, Dismissal, ProjectFile } from '../model/schema';
import { emptyProjectFile } from '../model/state';
import { quoteAt } from '../text/quote';
import { mergeProjects } from './merge-projects';

const T0 = '2026-01-01T00:00:00.000Z';
const NOW = '2026-02-02T00:00:00.000Z';
const TEXT = 'We never had training. Data sharing took weeks. Nobody trusted the forms.';

const code: Code = { id: 'k1', name: 'Training', color: '#112233', description: '', parentId: null, codable: true, createdAt: T0 };

function coding(id: string, quote: string): Coding {
  const start = TEXT.indexOf(quote);
  return { id, documentId: 'd1', codeId: 'k1', coderId: 'alice', start, end: start + quote.length, ...quoteAt(TEXT, start, start + quote.length), createdAt: T0, needsReview: false };
}

function dismissal(quote: string, documentId = 'd1'): Dismissal {
  const start = TEXT.indexOf(quote);
  return { documentId, start, end: start + quote.length, quote, coderId: 'alice', at: T0 };
}

function base(): ProjectFile {
  const file = emptyProjectFile('Study', T0);
  file.coders.push({ id: 'alice', name: 'Alice', color: '#aa0000' });
  file.documents.push({ id: 'd1', name: 'Interview 1', text: TEXT, createdAt: T0, source: null, attributes: {}, structure: [] });
  file.codes.push(code);
  return file;
}

const ORIGIN = {
  kind: 'autocode' as const,
  query: { text: 'training', regex: false, caseSensitive: false, wholeWord: true },
  scope: 'sentence' as const,
  at: T0,
};

describe('merging auto-code records', () => {
  it('keeps the origin of a coding both sides hold, when only one side has it', () => {
    const ours = base();
    ours.codings.push(coding('g1', 'We never had training.'));
    const theirs = structuredClone(ours);
    theirs.codings[0] = { ...theirs.codings[0]!, origin: ORIGIN };
    // The same coding moved on their side only, so the entity is merged field by field.
    theirs.codings[0] = { ...theirs.codings[0]!, ...quoteAt(TEXT, 3, 22), start: 3, end: 22 };
    const { file } = mergeProjects({ base: structuredClone(ours), ours, theirs, now: NOW });
    expect(file.codings[0]!.origin).toEqual(ORIGIN);
    expect(file.codings[0]!.start).toBe(3);
  });

  it('keeps an added coding’s origin from their side', () => {
    const ours = base();
    const theirs = base();
    theirs.codings.push({ ...coding('g2', 'Data sharing took weeks.'), origin: { kind: 'suggestion', score: 3.5, at: T0 } });
    const { file } = mergeProjects({ base: base(), ours, theirs, now: NOW });
    expect(file.codings.map((c) => c.origin)).toEqual([{ kind: 'suggestion', score: 3.5, at: T0 }]);
  });

  it('unites the suggestions dismissed on either side, each once', () => {
    const ours = base();
    const theirs = base();
    ours.codes[0] = { ...code, dismissed: [dismissal('Nobody trusted the forms.')] };
    theirs.codes[0] = { ...code, name: 'Training gaps', dismissed: [dismissal('Data sharing took weeks.'), dismissal('Nobody trusted the forms.')] };
    const { file, report } = mergeProjects({ base: base(), ours, theirs, now: NOW });
    expect(file.codes[0]!.name).toBe('Training gaps');
    expect(file.codes[0]!.dismissed?.map((d) => d.quote)).toEqual(['Nobody trusted the forms.', 'Data sharing took weeks.']);
    expect(report.conflicts).toEqual([]);
  });

  it('leaves a code without dismissals without the key', () => {
    const ours = base();
    const theirs = base();
    theirs.codes[0] = { ...code, name: 'Training gaps' };
    const { file } = mergeProjects({ base: base(), ours, theirs, now: NOW });
    expect(Object.keys(file.codes[0]!)).not.toContain('dismissed');
  });

  it('moves a dismissal onto our id of a document matched by content', () => {
    const ours = base();
    const theirs = base();
    theirs.documents[0] = { ...theirs.documents[0]!, id: 'd-theirs', source: null };
    theirs.codes[0] = { ...code, dismissed: [dismissal('Data sharing took weeks.', 'd-theirs')] };
    const { file } = mergeProjects({ base: null, ours, theirs, now: NOW });
    const docIds = file.documents.map((d) => d.id);
    expect(docIds).toContain(file.codes[0]!.dismissed![0]!.documentId);
  });
});
