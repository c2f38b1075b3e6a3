/** A small coded project for the codebook and history specs: three codes, one sub-code, codings that overlap by span. */
import type { ProjectFile } from '../shared/model/schema';
import { emptyProjectFile } from '../shared/model/state';
import { quoteAt } from '../shared/text/quote';

const T0 = '2026-01-01T00:00:00.000Z';
export const TEXT = 'We never had training on the new system. Data sharing took weeks. Nobody trusted the forms.';

/** The project: Trust (2 codings, one on the same span as a Confidence coding), Confidence (1), Barriers with sub-code Delays (1). */
export function codebookProject(): ProjectFile {
  const file = emptyProjectFile('Field study', T0);
  file.coders.push({ id: 'ana', name: 'Ana Researcher', color: '#1f77b4' });
  file.documents.push({ id: 'd1', name: 'Interview 1', text: TEXT, createdAt: T0, source: null, attributes: {}, structure: [] });
  const code = (id: string, name: string, parentId: string | null = null) => ({ id, name, color: '#e69f00', description: '', parentId, codable: true, createdAt: T0 });
  file.codes.push(code('k-trust', 'Trust'), code('k-conf', 'Confidence'), code('k-barriers', 'Barriers'), code('k-delays', 'Delays', 'k-barriers'));
  const coding = (id: string, quote: string, codeId: string) => {
    const start = TEXT.indexOf(quote);
    return { id, documentId: 'd1', codeId, coderId: 'ana', start, end: start + quote.length, ...quoteAt(TEXT, start, start + quote.length), createdAt: T0, needsReview: false };
  };
  file.codings.push(
    coding('g1', 'Nobody trusted the forms', 'k-trust'),
    coding('g2', 'never had training', 'k-trust'),
    coding('g3', 'Nobody trusted the forms', 'k-conf'),
    coding('g4', 'took weeks', 'k-delays'),
  );
  return file;
}
