/**
 * One document, one code, the chosen coders: the passages any of them coded, with a few
 * words of context, each coder's coding as an underline in the coder's colour and the
 * characters they all coded shaded. Each passage says in words who coded what, so the
 * colours are never the only way to tell.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { AgreementRow } from '../../../../shared/agreement/types';
import { useGloss } from '../../store';
import { selectCoderColors } from '../../store/selectors';
import { useDocumentText } from '../../reader/document-text';
import { sideBySide, verdict, type Passage, type Span } from '../../../../shared/analysis/side-by-side';
import { formatStatistic } from './table-rows';
import { visibleName } from '../../../../shared/text/safe-names';

/** Characters of context shown either side of a coded stretch. */
const CONTEXT = 60;


export interface CompareProps {
  codeId: string;
  documentId: string;
  coderIds: string[];
  row: AgreementRow | null;
  onBack: () => void;
}

/** Each coder's underline, stacked, in the coder's colour (the one every view shows: selectCoderColors). */
function underline(coded: boolean[], colors: readonly string[]): string | undefined {
  const shadows: string[] = [];
  let depth = 0;
  coded.forEach((on, i) => {
    depth += 3;
    if (on) shadows.push(`inset 0 -${depth}px 0 ${colors[i]}`);
  });
  return shadows.length ? shadows.join(', ') : undefined;
}

function describe(passage: Passage, names: string[]): string {
  const span = (s: Span) => `${s.start.toLocaleString('en')}–${s.end.toLocaleString('en')}`;
  const who = passage.spans.map((spans, i) => (spans.length ? `${names[i]}: ${spans.map(span).join(', ')}` : `${names[i]}: not coded`));
  const v = verdict(passage);
  const all = names.length === 2 ? 'both' : 'all';
  const head = v === 'agree' ? `Coded alike by ${all}` : v === 'partly' ? `Coded by ${all}, not alike` : `Not coded by ${all}`;
  return `${head} · ${who.join(' · ')}`;
}

export function SideBySide({ codeId, documentId, coderIds, row, onBack }: CompareProps) {
  const doc = useGloss((s) => s.project?.documents.get(documentId) ?? null);
  const { content, error, retry } = useDocumentText(documentId);
  const code = useGloss((s) => s.project?.codes.get(codeId) ?? null);
  const revision = useGloss((s) => s.revision);
  const project = useGloss((s) => s.project);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const names = coderIds.map((id) => project?.coders.get(id)?.name ?? 'Unknown coder');
  const coderColors = useGloss(selectCoderColors);
  const colors = coderIds.map((id) => coderColors.get(id) ?? 'currentColor');
  const shown = useMemo(
    () => (project ? sideBySide(project, { documentId, codeId, coderIds }, CONTEXT) : null),
    // revision: the project's maps change in place.
    [project, documentId, codeId, coderIds.join('\u0000'), revision],
  );

  return (
    <section className="agreement-compare" aria-labelledby="agreement-compare-title">
      <div className="agreement-compare-head">
        <button type="button" onClick={onBack}>
          ← Back to the table
        </button>
        <h3 id="agreement-compare-title" tabIndex={-1} ref={heading}>
          {visibleName(code?.name ?? row?.code ?? 'Code')} in “{visibleName(doc?.name ?? row?.document ?? 'document')}”
        </h3>
      </div>
      {!doc || !shown ? (
        <p className="pane-empty">This document is no longer in the project.</p>
      ) : !content ? (
        error ? (
          <p className="error-text" role="alert">
            The text of “{doc.name}” could not be loaded: {error}{' '}
            <button type="button" className="small" onClick={retry}>
              Try again
            </button>
          </p>
        ) : (
          <p className="muted">Loading “{doc.name}”…</p>
        )
      ) : (
        <>
          <ul className="agreement-legend" aria-label="Legend">
            {names.map((name, i) => (
              <li key={i}>
                <span className="agreement-legend-line" style={{ background: colors[i] }} aria-hidden="true" />
                {name} ({shown.codings[i]} coding{shown.codings[i] === 1 ? '' : 's'})
              </li>
            ))}
            <li>
              <span className="agreement-legend-all" aria-hidden="true" />
              coded by {names.length === 2 ? 'both' : 'all'}
            </li>
          </ul>
          <p className="agreement-compare-summary">
            {shown.totals.any === 0
              ? 'None of these coders used this code in this document.'
              : `${shown.totals.all.toLocaleString('en')} of ${shown.totals.any.toLocaleString('en')} coded characters are coded by ${names.length === 2 ? 'both' : 'all'} coders.`}
            {row && row.percent_agreement !== null ? ` Agreement on this document: ${formatStatistic(row.percent_agreement, 'percent')}` : ''}
            {row && row.cohen_kappa !== null ? `, Cohen’s κ ${formatStatistic(row.cohen_kappa, 'coefficient')}` : ''}
            {row && row.percent_agreement !== null ? '.' : ''}
          </p>
          <ol className="agreement-passages" aria-label="Coded passages">
            {shown.passages.map((p) => (
              <li key={p.start} className={`agreement-passage ${verdict(p)}`}>
                <p className="agreement-passage-who">{describe(p, names)}</p>
                <p className="agreement-passage-text">
                  {p.start > 0 && '…'}
                  {p.runs.map((r) => {
                    const coders = names.filter((_, i) => r.coded[i]);
                    const all = r.coded.every(Boolean);
                    return (
                      <span
                        key={r.start}
                        className={all ? 'cov all' : coders.length ? 'cov' : undefined}
                        style={coders.length ? { boxShadow: underline(r.coded, colors) } : undefined}
                        title={coders.length ? `Coded by ${coders.join(' and ')}` : undefined}
                      >
                        {content.text.slice(r.start, r.end)}
                      </span>
                    );
                  })}
                  {p.end < content.text.length && '…'}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
