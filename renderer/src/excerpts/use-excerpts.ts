/**
 * The Excerpts view's list (store/excerpts.ts, memoised per document). Codings that need
 * review are shown with the words now at their offsets, which only the documents' texts
 * have, so for the review list those documents' texts are fetched first (a handful: only
 * edited documents have such codings); until they are here the list is null.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TextOf } from '../../../shared/analysis/excerpts';
import type { Excerpt } from '../../../shared/analysis/excerpts';
import type { DocumentContent } from '../../../shared/model/document-index';
import { useGloss } from '../store';
import { createExcerptList } from '../store/excerpts';
import { selectReviewDocuments } from '../store/selectors';
import { loadDocumentText } from '../reader/document-text';

/** The texts of the documents with codings to review, by id; null until all of them are here. */
function useReviewTexts(active: boolean): Map<string, DocumentContent> | null {
  const wanted = useGloss((s) => (active ? selectReviewDocuments(s) : ''));
  const [held, setHeld] = useState<{ for: string; texts: Map<string, DocumentContent> } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const ids = wanted.split('\n').map((line) => line.split(' ')[0]!);
    void Promise.all(ids.map(loadDocumentText)).then((outcomes) => {
      if (!current) return;
      const texts = new Map<string, DocumentContent>();
      // A text that could not be fetched leaves its excerpts on their quotes (see below).
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

/** The excerpts the view lists now, or null while texts they need are fetched. */
export function useExcerpts(): Excerpt[] | null {
  const reviewing = useGloss((s) => s.excerptFilter === 'review');
  const texts = useReviewTexts(reviewing);
  const textOf = useMemo<TextOf | undefined>(() => (texts && texts.size > 0 ? (id) => texts.get(id)?.text : undefined), [texts]);
  const [list] = useState(createExcerptList);
  const excerpts = useGloss((s) => (reviewing && !texts ? null : list(s, { filter: s.excerptFilter, codeIds: s.excerptCodeIds, textOf })));
  return excerpts;
}
