/**
 * The texts of the documents whose codings have memos, fetched for the memo list: the
 * renderer's index holds no words, and a coding memo is named by its passage. Usually a few
 * documents; each is fetched once per content key, and a text not (yet) fetched leaves the
 * memo named by its place.
 */
import { useEffect, useMemo, useState } from 'react';
import { useGloss } from '../store';
import { loadDocumentText } from '../reader/document-text';

/** documentId → text, for the documents of memo'd codings; grows as texts arrive. */
export function useCodingMemoTexts(): ReadonlyMap<string, string> {
  const project = useGloss((s) => s.project);
  const memosVersion = useGloss((s) => s.versions.memos);
  const documentsVersion = useGloss((s) => s.versions.documents);
  // "id contentKey" of each wanted document, as one string so the effect runs only when it changes.
  const wanted = useMemo(() => {
    if (!project) return '';
    const keys = new Set<string>();
    for (const memo of project.memos.values()) {
      if (memo.target.kind !== 'coding') continue;
      const documentId = project.codings.get(memo.target.id)?.documentId;
      const contentKey = documentId ? project.documents.get(documentId)?.contentKey : undefined;
      if (documentId && contentKey) keys.add(`${documentId} ${contentKey}`);
    }
    return [...keys].sort().join('\n');
  }, [project, memosVersion, documentsVersion]);
  const [texts, setTexts] = useState<{ key: string; byId: ReadonlyMap<string, string> }>({ key: '', byId: new Map() });

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const byId = new Map<string, string>();
    void Promise.all(
      wanted.split('\n').map(async (line) => {
        const [documentId, contentKey] = line.split(' ') as [string, string];
        const outcome = await loadDocumentText(documentId);
        if (outcome.ok && outcome.value.contentKey === contentKey) byId.set(documentId, outcome.value.text);
      }),
    ).then(() => {
      if (current) setTexts({ key: wanted, byId });
    });
    return () => {
      current = false;
    };
  }, [wanted]);

  return texts.key === wanted ? texts.byId : EMPTY;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
