/**
 * A document's text, fetched when it is shown. The store holds the project's index, whose
 * documents have no text; their text and structure come from the host ('documents:text')
 * and stay in the text cache (store/text-cache.ts) under their content key. Everything in
 * the renderer that shows or reads a document's text (the reader, the find bar, Edit text,
 * the side-by-side comparison, excerpts needing review) goes through here.
 */
import { useEffect, useState } from 'react';
import type { DocumentContent } from '../../../shared/model/document-index';
import { call, type Outcome } from '../bridge/call';
import { useGloss } from '../store';

/** Requests under way, by document and content key, so that two views asking at once fetch once. */
const inFlight = new Map<string, Promise<Outcome<DocumentContent>>>();

/** The text the index entry of `documentId` stands for, from the cache or fetched; the cache keeps what arrives. */
export function loadDocumentText(documentId: string): Promise<Outcome<DocumentContent>> {
  const store = useGloss.getState();
  const entry = store.project?.documents.get(documentId);
  if (!entry) return Promise.resolve({ ok: false, error: 'This document is no longer in the project.' });
  const held = store.texts.peek(documentId, entry.contentKey);
  if (held) return Promise.resolve({ ok: true, value: held });
  const key = `${documentId}\u0000${entry.contentKey}`;
  let request = inFlight.get(key);
  if (!request) {
    // call() puts the reply in the cache (reply-effects.ts: 'documents:text').
    request = call('documents:text', documentId).finally(() => inFlight.delete(key));
    inFlight.set(key, request);
  }
  return request;
}

export interface ShownText {
  /** The text and structure of the document as the index has it now, or null while it is fetched. */
  content: DocumentContent | null;
  /** Why it could not be fetched, or null. */
  error: string | null;
  retry(): void;
}

/**
 * The current text of a document for a component that shows it: null while it is fetched
 * (and again after an edit elsewhere rewrote it, until the new one is here). Never a text
 * the index entry does not carry the key of.
 */
export function useDocumentText(documentId: string | null): ShownText {
  const contentKey = useGloss((s) => (documentId ? (s.project?.documents.get(documentId)?.contentKey ?? null) : null));
  const content = useGloss((s) => (documentId && contentKey ? s.texts.peek(documentId, contentKey) : null));
  const textUsed = useGloss((s) => s.textUsed);
  const [failed, setFailed] = useState<{ key: string; error: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const want = documentId && contentKey ? `${documentId}\u0000${contentKey}` : null;

  useEffect(() => {
    if (!documentId || !want) return;
    if (content) {
      textUsed(documentId);
      return;
    }
    let current = true;
    void loadDocumentText(documentId).then((outcome) => {
      if (current && !outcome.ok) setFailed({ key: want, error: outcome.error });
    });
    return () => {
      current = false;
    };
  }, [documentId, want, content, attempt, textUsed]);

  return {
    content,
    error: failed && failed.key === want && !content ? failed.error : null,
    retry: () => {
      setFailed(null);
      setAttempt((n) => n + 1);
    },
  };
}
