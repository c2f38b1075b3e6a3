/**
 * One coded passage in the Excerpts view; activating it opens the passage in the reader.
 * The card builds its excerpt (the passage with its context) itself, when it is shown:
 * from its document's text when that is at hand (the review list's `textOf`, or the text
 * cache, which holds the documents shown lately), else from the text it fetches (the
 * index's codings carry no words, see shared/model/coding-columns.ts).
 */
import { memo, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useGloss } from '../store';
import { excerptOf, EXCERPT_CONTEXT, type TextOf } from '../../../shared/analysis/excerpts';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { DocumentContent } from '../../../shared/model/document-index';
import type { AppState } from '../store/types';
import type { RowProps } from '../common/VirtualList';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';
import { loadDocumentText } from '../reader/document-text';

/** No memo lines: one array for all cards without any, so memo() sees no change. */
const NONE: readonly string[] = [];

/** Characters of passage per line of a card, and a line's height in px (the stylesheet's .excerpt-button, 50rem wide). */
const CHARACTERS_PER_LINE = 90;
const LINE_PX = 23;
/** Padding, the meta line and the gap below a card, in px. */
const CARD_PX = 60;

/** The height of a card's passage and context, wrapped, in px. */
function passageHeight(coding: CodingEntry): number {
  const characters = coding.end - coding.start + 2 * EXCERPT_CONTEXT;
  return Math.ceil(characters / CHARACTERS_PER_LINE) * LINE_PX;
}

/** A card's height before it is measured: its passage and context, wrapped. */
export function estimateCardHeight(coding: CodingEntry): number {
  return CARD_PX + passageHeight(coding) + (coding.needsReview ? 60 : 0);
}

/** The current text of a document, if the text cache holds it (never one of an older content key). */
function cachedText(s: AppState, documentId: string): DocumentContent | null {
  const key = s.project?.documents.get(documentId)?.contentKey;
  return key ? s.texts.peek(documentId, key) : null;
}

/**
 * The text of a card's document, fetched once when neither the cache nor the list has it
 * and held by the card while it is shown: read back from the cache instead, cards on screen
 * from more documents than the cache holds would evict each other's texts and fetch again
 * without end. Only a text whose key the index entry still carries is used.
 */
export function useFetchedText(documentId: string, contentKey: string | undefined, wanted: boolean): string | undefined {
  const [fetched, setFetched] = useState<DocumentContent | null>(null);
  const have = fetched !== null && fetched.id === documentId && fetched.contentKey === contentKey;
  useEffect(() => {
    if (!wanted || have || !contentKey) return;
    let current = true;
    void loadDocumentText(documentId).then((outcome) => {
      // A text that could not be fetched leaves the card waiting; the reader says why when the passage is opened.
      if (current && outcome.ok) setFetched(outcome.value);
    });
    return () => {
      current = false;
    };
  }, [documentId, contentKey, wanted, have]);
  return have ? fetched.text : undefined;
}

/** The Select box's name: the passage's first words, or its place while its text is still on its way. */
function pickLabel(words: string | null, coding: CodingEntry): string {
  if (words === null) return `Select the excerpt at characters ${coding.start}–${coding.end} to move it`;
  const shown = words.length > 40 ? `${words.slice(0, 40)}…` : words;
  return `Select the excerpt “${shown}” to move it`;
}

export const ExcerptCard = memo(function ExcerptCard({
  coding,
  memos = NONE,
  textOf,
  row,
  picked,
  onPick,
}: {
  coding: CodingEntry;
  /** Ticked to be moved to another code (SplitBar); no box when undefined. */
  picked?: boolean | undefined;
  onPick?: ((codingId: string, on: boolean) => void) | undefined;
  memos?: readonly string[] | undefined;
  /** Texts fetched for this list (the review list's), beside the text cache. */
  textOf?: TextOf | undefined;
  row: RowProps;
}) {
  const jumpTo = useGloss((s) => s.jumpTo);
  const startReview = useGloss((s) => s.startReview);
  const readOnly = useGloss((s) => s.readOnly);
  const project = useGloss((s) => s.project);
  // The names and colours it shows change with the project; the coding itself is replaced whenever it changes.
  const revision = useGloss((s) => s.revision);
  // The cache is mutated in place; textsVersion moves with it, and peek gives the same object while the text is the same.
  const cached = useGloss((s) => cachedText(s, coding.documentId));
  const contentKey = useGloss((s) => s.project?.documents.get(coding.documentId)?.contentKey);
  const listed = textOf?.(coding.documentId);
  const fetched = useFetchedText(coding.documentId, contentKey, !cached && listed === undefined);
  const text = cached?.text ?? listed ?? fetched;
  const excerpt = useMemo(
    () => (project ? excerptOf(project, coding, memos, (id) => (id === coding.documentId ? text : textOf?.(id))) : null),
    [project, coding, memos, revision, text, textOf],
  );
  if (!excerpt) return null;
  return (
    <li {...row} className="excerpt-slot">
      <div className={coding.needsReview ? 'excerpt needs-review' : 'excerpt'}>
        <button
          type="button"
          className="excerpt-button"
          onClick={() => jumpTo({ documentId: coding.documentId, start: coding.start, end: coding.end })}
          aria-describedby={`excerpt-meta-${coding.id}`}
          // Until its text is here a card keeps the height its passage will take, so the cards
          // below it (the one just scrolled to, say) do not move when it arrives.
          style={excerpt.pending ? { minHeight: passageHeight(coding) } : undefined}
        >
          <span className="excerpt-text" aria-busy={excerpt.pending || undefined}>
            {excerpt.pending && <span className="context">Loading the passage…</span>}
            <span className="context">{excerpt.before}</span>
            <mark className="code-mark" style={{ '--code-color': excerpt.codeColor } as CSSProperties}>{excerpt.text}</mark>
            <span className="context">{excerpt.after}</span>
          </span>
        </button>
        <div className="excerpt-meta" id={`excerpt-meta-${coding.id}`}>
          <span className="excerpt-document">{visibleName(excerpt.documentName)}</span>
          <span className="excerpt-code">
            <span className="swatch" style={{ background: excerpt.codeColor }} aria-hidden="true" />
            {visibleName(excerpt.codeName)}
          </span>
          <span className="excerpt-coder">{visibleName(excerpt.coderName)}</span>
          {picked !== undefined && onPick && (
            <label className="excerpt-pick">
              <input
                type="checkbox"
                checked={picked}
                onChange={(e) => onPick(coding.id, e.target.checked)}
                aria-label={pickLabel(excerpt.pending ? null : excerpt.text, coding)}
              />
              Select
            </label>
          )}
          {coding.needsReview && (
            <span className="review-tag">
              <span aria-hidden="true">⚠ </span>needs review
            </span>
          )}
        </div>
        {coding.needsReview && (
          <div className="excerpt-review">
            {coding.quote !== undefined && !excerpt.pending && coding.quote !== excerpt.text && <p className="excerpt-was">Coded on: “{coding.quote}”</p>}
            <div className="review-actions">
              <button type="button" className="small" onClick={() => startReview(coding.id)}>
                Fix in text…
              </button>
              <button type="button" className="small" disabled={readOnly} onClick={() => void run({ type: 'resolveReview', codingId: coding.id })}>
                Keep where it is
              </button>
              <button type="button" className="small danger" disabled={readOnly} onClick={() => void run({ type: 'removeCoding', codingId: coding.id })}>
                Remove coding
              </button>
            </div>
          </div>
        )}
        {excerpt.memos.map((m, i) => (
          <p key={i} className="excerpt-memo">
            Memo: {m}
          </p>
        ))}
      </div>
    </li>
  );
});
