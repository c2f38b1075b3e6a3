import { describe, expect, it } from 'vitest';
import { codePointCounter } from '../text/code-points';
import { entityUrn, webAnnotations } from './web-annotation';
import { stateFromFile } from '../model/state';
import { EMOJI, exportProject, exportProjectFile, IDS, POLICE } from './fixtures/export-project';

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}
interface Annotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  creator: { type: string; name: string; id: string };
  body: { type: string; purpose: string; value: string; creator?: { name: string } }[];
  '@context': string;
  target: { source: { id: string; type: string; format: string; label: string }; selector: Selector[] };
}

const parse = (json: string) => JSON.parse(json) as { '@context': string; type: string; total: number; first: { type: string; items: Annotation[] } };

describe('webAnnotations', () => {
  const json = webAnnotations(exportProject());
  const collection = parse(json);
  const items = collection.first.items;
  const byId = (id: string) => items.find((a) => a.id === id)!;

  it('is one JSON-LD AnnotationCollection whose first page holds every coding', () => {
    expect(json.endsWith('}\n')).toBe(true);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.total).toBe(5);
    expect(items).toHaveLength(5);
    expect(new Set(items.map((a) => a.id)).size).toBe(5);
    for (const a of items) {
      expect(a.type).toBe('Annotation');
      expect(a.motivation).toBe('tagging');
      // An annotation taken out of the collection alone still names its context.
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(a.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('counts positions in code points: two emoji before "slow" make UTF-16 23–27 into 21–25', () => {
    const slow = byId(`urn:uuid:${IDS.slow}`); // a UUID coding id is kept as it is
    expect(EMOJI.slice(23, 27)).toBe('slow');
    expect(slow.target.source).toEqual({ id: `urn:uuid:${IDS.emoji}`, type: 'Text', format: 'text/plain', label: 'Council 😀' });
    expect(slow.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'slow', prefix: '😀 Data 😀 sharing was ', suffix: '.\n\nVery slow.' },
      { type: 'TextPositionSelector', start: 21, end: 25 },
    ]);
    expect([...EMOJI].slice(21, 25).join('')).toBe('slow');
    expect(slow.created).toBe('2025-01-01T10:00:03.000Z');
    expect(slow.creator).toMatchObject({ type: 'Person', name: 'Amira Haddad' });
  });

  it('tags with the code name, classifies with the code path, and comments with the memo', () => {
    const lines = byId(entityUrn('codings', 'c-lines'));
    expect(lines.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Data sharing', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'classifying', value: 'Barriers > Data sharing', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Note: first, "second"', format: 'text/plain', creator: lines.creator },
    ]);
    expect(lines.creator.name).toBe("Ben O'Neil");
    expect(lines.target.selector[0]!.exact).toBe(POLICE.slice(23));
    // No emoji in this text: code points equal UTF-16 offsets.
    expect(lines.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 23, end: POLICE.length });
  });

  it('quotes the text at the stored offsets, not a stale cached quote', () => {
    const file = exportProjectFile();
    file.codings = file.codings.map((c) => (c.id === 'c-quote' ? { ...c, quote: 'stale', prefix: 'x', suffix: 'y' } : c));
    const quote = parse(webAnnotations(stateFromFile(file))).first.items.find((a) => a.id === entityUrn('codings', 'c-quote'))!;
    expect(quote.target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: '"no training"', prefix: 'He said ', suffix: ', then left.\nWe waited – weeks.' });
  });

  it('grows a quote\'s context until it matches only its own copy of a repeated paragraph', () => {
    const paragraph = 'Asked about the new system, the officers said that they had not been trained to share data with the council, not once in two years.';
    const text = `${paragraph}\n\nA different paragraph sits between the two copies.\n\n${paragraph}`;
    const start = text.lastIndexOf('not been trained');
    const file = exportProjectFile();
    file.documents = file.documents.map((d) => (d.id === IDS.police ? { ...d, text } : d));
    file.codings = file.codings.filter((c) => c.documentId !== IDS.police);
    file.codings.push({ id: 'c-repeat', documentId: IDS.police, codeId: 'k-sharing', coderId: 'amira', start, end: start + 16, quote: 'not been trained', prefix: '', suffix: '', createdAt: '2025-01-01T10:00:00.000Z', needsReview: false });
    const repeat = parse(webAnnotations(stateFromFile(file))).first.items.find((a) => a.id === entityUrn('codings', 'c-repeat'))!;
    const { exact, prefix, suffix } = repeat.target.selector[0]!;
    const whole = prefix! + exact! + suffix!;
    expect(exact).toBe('not been trained');
    expect(text.indexOf(whole)).toBe(start - prefix!.length);
    expect(text.indexOf(whole, text.indexOf(whole) + 1)).toBe(-1);
    // 32 characters each side would have matched the first copy too.
    expect(prefix!.length + suffix!.length).toBeGreaterThan(64);
  });

  it('gives ids that are not UUIDs a stable derived UUID', () => {
    expect(entityUrn('codings', 'c-quote')).toBe(entityUrn('codings', 'c-quote'));
    expect(entityUrn('codings', 'c-quote')).not.toBe(entityUrn('documents', 'c-quote'));
    expect(entityUrn('documents', IDS.police.toUpperCase())).toBe(`urn:uuid:${IDS.police}`);
    expect(webAnnotations(exportProject())).toBe(json);
  });
});

describe('codePointCounter', () => {
  it('maps UTF-16 offsets to code point indices around surrogate pairs', () => {
    const text = 'a😀b😀😀c';
    const at = codePointCounter(text);
    expect([0, 1, 3, 4, 6, 8, 9].map(at)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(at(text.length)).toBe([...text].length);
    // A lone surrogate counts as a code point of its own.
    expect(codePointCounter('\udc00x\ud800')(3)).toBe(3);
  });
});
