/**
 * The texts the review list needs. A coding that needs review is shown with the words now
 * at its offsets, which only its document's text has (its quote is of the text before the
 * edit), so those documents' texts are fetched first (a handful: only edited documents
 * have such codings) and held here while the list is shown, whatever the text cache
 * evicts meanwhile. Until all of them are here the hook answers null.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TextOf } from '../../../shared/analysis/excerpts';
import type { DocumentContent } from '../../../shared/model/document-index';
import { useGloss } from '../store';
import { selectReviewDocuments } from '../store/selectors';
import { loadDocumentText } from '../reader/document-text';

/** The texts of the documents with codings to review, by id; null until all of them are here. */
function useReviewContents(active: boolean): Map<string, DocumentContent> | null {
  // "id contentKey" lines: a text edited again is fetched again.
  const wanted = useGloss((s) => (active ? selectReviewDocuments(s) : ''));
  const [held, setHeld] = useState<{ for: string; texts: Map<string, DocumentContent> } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const ids = wanted.split('\n').map((line) => line.split(' ')[0]!);
    void Promise.all(ids.map(loadDocumentText)).then((outcomes) => {
      if (!current) return;
      const texts = new Map<string, DocumentContent>();
      // A text that could not be fetched leaves its excerpts on their quotes.
      for (const outcome of outcomes) if (outcome.ok) texts.set(outcome.value.id, outcome.value);
      setHeld({ for: wanted, texts });
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  if (!wanted) return EMPTY;
  return held && held.for === wanted ? held.texts : null;
}

const EMPTY = new Map<string, DocumentContent>();

/**
 * The review list's texts as a TextOf for excerptOf: undefined when none is needed (not
 * reviewing, or nothing to review), null while they are fetched.
 */
export function useReviewTexts(reviewing: boolean): TextOf | undefined | null {
  const texts = useReviewContents(reviewing);
  return useMemo(() => (texts === null ? null : texts.size > 0 ? (id: string) => texts.get(id)?.text : undefined), [texts]);
}
