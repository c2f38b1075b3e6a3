/**
 * More like this: for a code, the project's sentences (or paragraphs) that most resemble
 * what is coded with it, best first, each with its score and the words it shares with the
 * code's excerpts marked. Nothing is coded without a person: Accept (A) codes one,
 * Dismiss (D) remembers it on the code so it is not suggested again; Enter opens it in the
 * reader. Recall in the top N says how many hand-coded passages the suggestions would
 * have found, so the researcher can judge them.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { call } from '../bridge/call';
import { run } from '../project/actions';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { countOf, formatCount } from '../common/format-count';
import { visibleName } from '../../../shared/text/safe-names';
import type { SuggestionWithText } from '../../../shared/ipc/contract';
import type { SuggestionRecall } from '../../../shared/analysis/suggest';
import { jumpToHit } from './ResultsList';
import { literalQuery } from '../../../shared/analysis/search-query';

/** Suggestions shown, and the N of recall in the top N. */
const TOP = 20;

/** The passage's words with the shared terms marked (offsets are the document's). */
function Marked({ s }: { s: SuggestionWithText }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = s.start;
  for (const m of [...s.marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > s.end) continue;
    if (m.start > at) parts.push({ text: s.text.slice(at - s.start, m.start - s.start), mark: false });
    parts.push({ text: s.text.slice(m.start - s.start, m.end - s.start), mark: true });
    at = m.end;
  }
  if (at < s.end) parts.push({ text: s.text.slice(at - s.start), mark: false });
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i} className="search-match">{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export function recallLine(recall: SuggestionRecall): string {
  if (recall.recall === null) return `Recall can be judged once passages are coded with this code by hand.`;
  const percent = Math.round(recall.recall * 100);
  return `Recall in the top ${formatCount(recall.topN)}: the suggestions would have found ${formatCount(recall.found)} of ${countOf(recall.handCoded, 'hand-coded passage', 'hand-coded passages')} (${percent}%) in ${countOf(recall.documents, 'document', 'documents')}, each judged by the code’s excerpts in the other documents.`;
}

export function SuggestionsPanel() {
  const codeRows = useGloss(selectCodeRows);
  const documents = useGloss((s) => s.project?.documents);
  const readOnly = useGloss((s) => s.readOnly);
  const codable = codeRows.filter((r) => r.code.codable && r.count > 0);
  const [codeId, setCodeId] = useState('');
  const [unit, setUnit] = useState<'sentence' | 'paragraph'>('sentence');
  const [list, setList] = useState<SuggestionWithText[] | null>(null);
  const [recall, setRecall] = useState<SuggestionRecall | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const fetchAll = async () => {
    if (!codeId) return;
    setBusy(true);
    setMessage(null);
    const [found, judged] = await Promise.all([call('suggest:forCode', { codeId, unit, limit: TOP }), call('suggest:recall', { codeId, unit, limit: TOP })]);
    setBusy(false);
    if (!found.ok) return setMessage(found.error);
    setList(found.value);
    setRecall(judged.ok ? judged.value : null);
  };
  useEffect(() => {
    setList(null);
    setRecall(null);
    void fetchAll();
  }, [codeId, unit]);

  const name = codeRows.find((r) => r.code.id === codeId)?.code.name ?? '';
  const act = async (s: SuggestionWithText, accept: boolean) => {
    const where = { codeId, documentId: s.documentId, start: s.start, end: s.end };
    const done = await run(accept ? { type: 'acceptSuggestion', ...where, score: s.score } : { type: 'dismissSuggestion', ...where });
    if (!done) return;
    setList((now) => now?.filter((x) => x !== s) ?? null);
    setMessage(accept ? `Coded with “${name}”.` : 'Dismissed: it will not be suggested again for this code.');
  };

  const onKey = (event: KeyboardEvent<HTMLElement>, s: SuggestionWithText, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if ((key === 'a' || key === 'd') && !readOnly) {
      event.preventDefault();
      // Focus moves to the next suggestion (or the one before, at the end), so the keys go on.
      const rows = event.currentTarget.closest('ol')?.querySelectorAll<HTMLElement>('.suggestion-main');
      void act(s, key === 'a').then(() => rows?.[index + 1 < rows.length ? index + 1 : index - 1]?.focus());
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const rows = event.currentTarget.closest('ol')?.querySelectorAll<HTMLElement>('.suggestion-main');
      rows?.[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };

  if (codable.length === 0) return <p className="hint">Code a few passages first: suggestions are passages like those coded with a code.</p>;
  return (
    <div className="suggestions-panel">
      <div className="suggest-controls">
        <label className="search-filter">
          <span>More like</span>
          <select value={codeId} onChange={(e) => setCodeId(e.target.value)}>
            <option value="">Choose a code…</option>
            {codable.map(({ code, depth }) => (
              <option key={code.id} value={code.id}>
                {`${'\u2003'.repeat(depth)}${code.name}`}
              </option>
            ))}
          </select>
        </label>
        <label className="search-filter">
          <span>Passages</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value as 'sentence' | 'paragraph')}>
            <option value="sentence">Sentences</option>
            <option value="paragraph">Paragraphs</option>
          </select>
        </label>
      </div>
      {busy && <p className="hint" aria-busy="true">Ranking passages…</p>}
      {recall && <p className="suggest-recall">{recallLine(recall)}</p>}
      <p className="hint suggest-message" aria-live="polite">
        {message}
      </p>
      {list && list.length === 0 && <p className="hint">No more suggestions for “{name}”.</p>}
      {list && list.length > 0 && (
        <>
          <p className="hint" id="suggestion-keys">
            A accepts (codes it), D dismisses, Enter opens it in the reader.
          </p>
          <ol className="suggestion-list" aria-label={`Suggestions for ${name}`}>
            {list.map((s, i) => (
              <li key={`${s.documentId}:${s.start}`} className="suggestion-row">
                <button
                  type="button"
                  className="suggestion-main"
                  aria-describedby="suggestion-keys"
                  onClick={() => jumpToHit(s, literalQuery(''))}
                  onKeyDown={(e) => onKey(e, s, i)}
                >
                  <span className="suggestion-meta">
                    {visibleName(documents?.get(s.documentId)?.name ?? '')} · score {s.score.toFixed(2)} · shares {s.terms.join(', ')}
                  </span>
                  <span className="suggestion-text">
                    <Marked s={s} />
                  </span>
                </button>
                <div className="suggestion-actions">
                  <button type="button" className="small" disabled={readOnly} aria-label={`Accept suggestion ${i + 1}`} onClick={() => void act(s, true)}>
                    Accept
                  </button>
                  <button type="button" className="small" disabled={readOnly} aria-label={`Dismiss suggestion ${i + 1}`} onClick={() => void act(s, false)}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
