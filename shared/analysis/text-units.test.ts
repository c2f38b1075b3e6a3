import { describe, expect, it } from 'vitest';
import { blankLineParagraphs, leafBlocks, paragraphAt, paragraphsOf, segmentSentences, sentenceAt, sentenceSpans } from './text-units';
import { documentLanguage, languageTag } from './text-language';
import { stateWith } from './fixtures/project';

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('are Unicode sentences, trimmed, and a line break ends one', () => {
    const text = '  Dr. Smith came. Did he?\nYes!  ';
    const list = segmentSentences(text, 'en');
    // Intl.Segmenter (the choice) knows no abbreviations: "Dr." ends a sentence. Pinned so a change shows.
    expect(slices(text, sentenceSpans(list))).toEqual(['Dr.', 'Smith came.', 'Did he?', 'Yes!']);
    expect(sentenceAt(list, text.indexOf('he'))).toEqual({ start: text.indexOf('Did'), end: text.indexOf('\n') });
    expect(sentenceAt(segmentSentences('   ', 'en'), 1)).toBe(null);
  });

  it('fall back to English for a language the runtime does not know', () => {
    expect(sentenceSpans(segmentSentences('One. Two.', 'xx-unknown-tag')).length).toBe(2);
  });
});

describe('paragraphs', () => {
  it('in plain text are runs of non-blank lines without the line break that ends them', () => {
    const text = 'one\ntwo\n \nthree\n\n\nfour';
    expect(slices(text, blankLineParagraphs(text))).toEqual(['one\ntwo', 'three', 'four']);
  });

  it('use the document’s innermost blocks where it has them', () => {
    const text = 'Heading\nFirst para.\nItem';
    const doc = stateWith([
      {
        id: 'd',
        text,
        structure: [
          { kind: 'heading', start: 0, end: 7 },
          { kind: 'paragraph', start: 8, end: 19 },
          { kind: 'paragraph', start: 8, end: 24 },
        ],
      },
    ]).documents.get('d')!;
    expect(slices(text, leafBlocks(doc))).toEqual(['Heading', 'First para.']);
    const list = paragraphsOf(doc);
    expect(paragraphAt(list, text.indexOf('para'))).toEqual({ start: 8, end: 19 });
    // Outside every leaf block: the run of non-blank lines.
    expect(paragraphAt(list, text.indexOf('Item'))).toEqual({ start: 0, end: text.length });
  });
});

describe('document language', () => {
  it('reads a Language variable as a tag or a name, English otherwise', () => {
    expect(languageTag('Deutsch')).toBe('de');
    expect(languageTag('pt_BR')).toBe('pt-BR');
    expect(languageTag('not a language at all')).toBe(null);
    const state = stateWith([{ id: 'd', text: '', attributes: { lang: 'German' } }, { id: 'e', text: '' }], {}, [], {
      variables: [{ id: 'lang', name: 'Language', type: 'text', description: '' }],
    });
    expect(documentLanguage(state, state.documents.get('d')!)).toBe('de');
    expect(documentLanguage(state, state.documents.get('e')!)).toBe('en');
  });
});
