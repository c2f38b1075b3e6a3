/**
 * Every coded passage of the chosen codes across all documents. The list holds the
 * codings only (a CodingListing reads no text); a card builds its excerpt when it is
 * shown, and only the cards on screen are rendered (VirtualList). On a big project the
 * list is built in two parts: the first documents' codings at once, enough for the first
 * screen, and the rest once those cards are painted, so 100,000 excerpts open as quickly
 * as ten. A card's words come from its document's text when the text cache holds it,
 * else from the quote the coding carries; the review list first fetches the texts of the
 * documents it lists (a coding to review is shown with the words now at its offsets).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { SplitBar } from '../codes/SplitBar';
import { useGloss } from '../store';
import { codingFilter } from '../store/selectors';
import { CodeChooser } from './CodeChooser';
import { ExcerptCard, estimateCardHeight } from './ExcerptCard';
import { listingNeedingReview, listingOfCodes } from '../../../shared/analysis/excerpts';
import { memoLinesByCoding } from '../../../shared/model/memos';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { Code } from '../../../shared/model/schema';
import { VirtualList } from '../common/VirtualList';
import { countOf, formatCount } from '../common/format-count';
import { afterPaint } from '../common/after-paint';
import { useReviewTexts } from './review-texts';
import { combinedQuery, describeCombined, COMBINE_LABELS, type Combine } from './combine';
import { RetrievedPassages } from './RetrievedPassages';
import './combine.css';
import { visibleName } from '../../../shared/text/safe-names';

/** Lists made so far: each gets a number of its own. */
let lists = 0;

/** Cards listed at once: more than a screen holds. */
const FIRST_CARDS = 40;
/** Codings looked at, at most, for those first cards (chosen codes may be rare): a few milliseconds' work. */
const FIRST_BUDGET = 5_000;

/** Card heights before they are measured, worked out once per list (the virtualiser asks for every card's each time it learns one). */
function estimatesOf(codings: readonly CodingEntry[]): Float64Array {
  const out = new Float64Array(codings.length);
  for (let i = 0; i < codings.length; i++) out[i] = estimateCardHeight(codings[i]!);
  return out;
}

export function ExcerptsView() {
  const project = useGloss((s) => s.project);
  // What the list reads: the codings and the documents (their names order it); memo lines come from the memos.
  const codingsVersion = useGloss((s) => s.versions.codings);
  const documentsVersion = useGloss((s) => s.versions.documents);
  const memosVersion = useGloss((s) => s.versions.memos);
  const chosen = useGloss((s) => s.excerptCodeIds);
  const filter = useGloss((s) => s.excerptFilter);
  const hasCodes = useGloss((s) => (s.project?.codes.size ?? 0) > 0);
  const coderFilter = useGloss((s) => s.coderFilter);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [combine, setCombine] = useState<Combine>('each');
  // The versions are dependencies because the project's maps change in place. The list is
  // keyed by position (no key per card, see VirtualList), so each new list is a new list;
  // its rest, added later, leaves the first cards where they are.
  const first = useMemo(() => {
    const shown = codingFilter(coderFilter);
    const listing = !project ? null : filter === 'review' ? listingNeedingReview(project, shown) : listingOfCodes(project, chosen, shown);
    const codings = listing ? listing.first(FIRST_CARDS, FIRST_BUDGET) : [];
    return { listing, codings, listId: ++lists };
  }, [project, chosen, filter, codingsVersion, documentsVersion, coderFilter]);
  const [whole, setWhole] = useState<{ listId: number; codings: CodingEntry[] } | null>(null);
  useEffect(() => {
    const { listing, codings, listId } = first;
    if (!listing || listing.complete) return;
    return afterPaint(() => setWhole({ listId, codings: [...codings, ...listing.rest()] }));
  }, [first]);
  const complete = !first.listing || first.listing.complete || whole?.listId === first.listId;
  const codings = whole?.listId === first.listId ? whole.codings : first.codings;
  const listId = first.listId;
  const estimates = useMemo(() => estimatesOf(codings), [codings]);
  const memos = useMemo(() => (project ? memoLinesByCoding(project) : new Map<string, string[]>()), [project, memosVersion]);
  const reviewing = filter === 'review';
  // Null while the texts of documents with codings to review are fetched.
  const reviewTexts = useReviewTexts(reviewing);
  const loading = reviewTexts === null;
  // Excerpts ticked to move to another code (splitting a code); a coding no longer listed drops out.
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const togglePick = useCallback((id: string, on: boolean) => {
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const pickedShown = useMemo(() => codings.filter((c) => picked.has(c.id)).map((c) => c.id), [codings, picked]);
  // AND / OR / NOT over the chosen codes: the host finds the passages (retrieval.ts).
  const query = !reviewing ? combinedQuery(combine, chosen) : null;
  const names = chosen.map((id) => visibleName(project?.codes.get(id)?.name ?? ''));

  return (
    <section className="excerpts-view" aria-label="Excerpts">
      {hasCodes ? <CodeChooser /> : null}
      <div className="excerpt-list-wrap" ref={setScroller}>
        {hasCodes && !reviewing && (
          <label className="excerpt-combine">
            Show{' '}
            <select value={combine} onChange={(e) => setCombine(e.target.value as Combine)}>
              {(Object.keys(COMBINE_LABELS) as Combine[]).map((c) => (
                <option key={c} value={c}>
                  {COMBINE_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
        )}
        {!reviewing && project && <CodeDescriptions codes={chosen.map((id) => project.codes.get(id)).filter((c): c is Code => !!c && !!c.description.trim())} />}
        {query ? (
          <RetrievedPassages query={query} description={describeCombined(combine, names)} scroller={scroller} />
        ) : (
          <>
            <h2 className="excerpt-heading" aria-busy={!complete || loading}>
              {loading
                ? 'Codings to review'
                : !complete
                ? `${formatCount(codings.length)}+ ${reviewing ? 'codings need review' : 'excerpts'}, listing the rest…`
                : reviewing
                  ? codings.length === 1
                    ? '1 coding needs review'
                    : `${formatCount(codings.length)} codings need review`
                  : chosen.length === 0
                    ? 'Excerpts'
                    : countOf(codings.length, 'excerpt', 'excerpts')}
            </h2>
            {reviewing ? (
              loading ? (
                <p className="muted">Loading the codings to review…</p>
              ) : codings.length === 0 && complete ? (
                <p className="pane-empty">No coding needs review: every coding is on the words it was made on.</p>
              ) : (
                <p className="hint">These codings’ text was edited and their words could not be found for sure. Keep each where it is, fix it in the text, or remove it.</p>
              )
            ) : !hasCodes ? (
              <p className="pane-empty">Select text in a document to create your first code; its excerpts will be listed here.</p>
            ) : chosen.length === 0 ? (
              <p className="pane-empty">Choose one or more codes to see every passage coded with them.</p>
            ) : codings.length === 0 && complete ? (
              <p className="pane-empty">No passages are coded with the chosen codes yet.</p>
            ) : null}
            {!reviewing && <SplitBar selected={pickedShown} onDone={() => setPicked(new Set())} />}
            {codings.length > 0 && !loading && (reviewing || chosen.length > 0) && (
              <VirtualList
                key={listId}
                as="ol"
                items={codings}
                estimateSize={(_, index) => estimates[index]!}
                scrollElement={scroller}
                label={reviewing ? 'Codings to review' : 'Coded passages'}
                className="excerpt-list"
                focusClass="excerpt-button"
                overscan={3}
                renderRow={(coding, row) => <ExcerptCard coding={coding} memos={memos.get(coding.id)} textOf={reviewTexts ?? undefined} row={row} picked={reviewing ? undefined : picked.has(coding.id)} onPick={togglePick} />}
              />
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** The chosen codes' descriptions (their codebook definitions), above their excerpts, where coding is checked. */
function CodeDescriptions({ codes }: { codes: Code[] }) {
  if (codes.length === 0) return null;
  return (
    <dl className="code-descriptions">
      {codes.map((code) => (
        <div key={code.id}>
          <dt>{visibleName(code.name)}</dt>
          <dd>{code.description}</dd>
        </div>
      ))}
    </dl>
  );
}
