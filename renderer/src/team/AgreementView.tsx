/**
 * The agreement view: choose the unit and the coders, and read codes × statistics (percent
 * agreement, Cohen's κ, Fleiss' κ, Krippendorff's α, with the counts behind them); a
 * document row opens a side-by-side view of where the coders agree and differ.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Coder } from '../../../shared/model/schema';
import { useGloss } from '../store';
import { downloadText } from '../files/download';
import { exportBaseName } from '../../../shared/export/file-names';
import { AgreementControls } from './agreement/AgreementControls';
import { AgreementTable } from './agreement/AgreementTable';
import { SideBySide } from './agreement/SideBySide';
import { parseOverlap, useAgreement } from './agreement/agreement-store';
import { computeAgreement } from './actions';
import { agreementCsv, groupRows, unitRule } from './agreement/table-rows';
import './agreement/agreement.css';
import { visibleName } from '../../../shared/text/safe-names';

/** Controls settle this long before agreement is recomputed (typing an overlap percentage). */
const RECOMPUTE_DELAY_MS = 250;

/** Every coder in the project with how many codings they made, by name. */
function useCoders(): { coder: Coder; codings: number }[] {
  const project = useGloss((s) => s.project);
  const revision = useGloss((s) => s.revision);
  return useMemo(() => {
    if (!project) return [];
    const counts = new Map<string, number>();
    for (const coding of project.codings.values()) counts.set(coding.coderId, (counts.get(coding.coderId) ?? 0) + 1);
    return [...project.coders.values()]
      .map((coder) => ({ coder, codings: counts.get(coder.id) ?? 0 }))
      .sort((a, b) => a.coder.name.localeCompare(b.coder.name));
    // revision: the project's maps change in place.
  }, [project, revision]);
}

export function AgreementView() {
  const coders = useCoders();
  const revision = useGloss((s) => s.revision);
  const projectName = useGloss((s) => s.project?.project.name ?? 'project');
  const documents = useGloss((s) => s.project?.documents);
  const { unit, minOverlapPercent, pickedCoders, result, error, busy, stopped, compare, documentFilter, set } = useAgreement(
    useShallow((s) => ({
      stopped: s.stopped,
      unit: s.unit,
      minOverlapPercent: s.minOverlapPercent,
      pickedCoders: s.coderIds,
      result: s.result,
      error: s.error,
      busy: s.busy,
      compare: s.compare,
      documentFilter: s.documentFilter,
      set: s.set,
    })),
  );

  const withCodings = coders.filter((c) => c.codings > 0);
  const known = new Set(coders.map((c) => c.coder.id));
  const chosen = (pickedCoders ?? withCodings.map((c) => c.coder.id)).filter((id) => known.has(id));
  const overlap = parseOverlap(minOverlapPercent);
  const overlapValid = unit !== 'segment' || overlap !== null;
  const canCompute = withCodings.length >= 2 && chosen.length >= 2 && overlapValid;
  const chosenKey = chosen.join('\u0000');

  const run = () => {
    if (canCompute) void computeAgreement({ coderIds: chosen, unit, minOverlap: overlap ?? 0.9 });
  };

  // Recompute when the controls or the project change (debounced for typing).
  useEffect(() => {
    if (!canCompute) return;
    const timer = setTimeout(run, RECOMPUTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [canCompute, chosenKey, unit, overlap, revision]);
  // Grouped once per result: tens of thousands of rows on a big project.
  const groups = useMemo(() => groupRows(result?.rows ?? []), [result]);

  if (withCodings.length < 2) {
    return (
      <section className="agreement-view" aria-label="Agreement">
        <div className="agreement-empty">
          <h2>Inter-coder agreement</h2>
          <p>
            Agreement compares two or more coders’ codings of the same documents.{' '}
            {withCodings.length === 0
              ? 'Nobody has coded anything in this project yet.'
              : `Only ${visibleName(withCodings[0]!.coder.name)} has coded in this project so far.`}
          </p>
          <p>
            Give each coder a copy of the project to code, then bring their copies together with <strong>Team ▸ Merge another copy of this project…</strong>. The
            merged project holds everyone’s codings, and this view compares them.
          </p>
        </div>
      </section>
    );
  }

  const rows = result?.rows ?? [];
  const resultCoders = result ? result.request.coderIds : chosen;
  const names = rows[0]?.coders ?? resultCoders.map((id) => coders.find((c) => c.coder.id === id)?.coder.name ?? id);
  const compareRow = compare ? (rows.find((r) => r.code_id === compare.codeId && r.document_id === compare.documentId) ?? null) : null;
  const documentChoices = documents ? [...documents.values()].sort((a, b) => a.name.localeCompare(b.name)) : [];

  const exportCsv = () => {
    if (!result) return;
    const safe = exportBaseName(projectName, 'project');
    downloadText(`${safe} agreement (${result.request.unit}).csv`, 'text/csv', agreementCsv(result.rows, { raw: useGloss.getState().csvRaw }));
  };

  return (
    <section className="agreement-view" aria-label="Agreement" aria-busy={busy}>
      <AgreementControls
        coders={coders}
        chosen={chosen}
        overlapValid={overlapValid}
        canCompute={canCompute}
        canExport={!!result && rows.length > 0}
        onCompute={run}
        onExport={exportCsv}
      />
      <div className="agreement-main">
        {compare ? (
          <SideBySide
            key={`${compare.codeId}/${compare.documentId}`}
            codeId={compare.codeId}
            documentId={compare.documentId}
            coderIds={resultCoders}
            row={compareRow}
            onBack={() => set({ compare: null })}
          />
        ) : (
          <>
            <div className="agreement-heading">
              <h2>Agreement by code</h2>
              <label className="agreement-filter">
                <span>Documents</span>
                <select value={documentFilter ?? ''} onChange={(e) => set({ documentFilter: e.target.value || null })}>
                  <option value="">All documents, per code</option>
                  {documentChoices.map((d) => (
                    <option key={d.id} value={d.id}>
                      {visibleName(d.name)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="agreement-rule">{result ? unitRule(result.request.unit, result.request.minOverlap) : unitRule(unit, overlap ?? 0.9)}</p>
            {error ? (
              <p className="error-text" role="alert">
                Agreement could not be computed: {error}
              </p>
            ) : !result ? (
              <p className="pane-empty">
                {busy ? 'Computing… (progress in the status line)' : stopped ? 'Computing was stopped before it finished. Press Compute to start again.' : 'Press Compute to see agreement.'}
              </p>
            ) : (
              <>
                <AgreementTable groups={groups} coders={names} />
                <p className="hint agreement-footnote">
                  “undefined”: the statistic has no value (no units, or no variation: every unit got the same answer), not because agreement was 0 or 1.
                  “n/a”: the statistic does not apply (Cohen’s κ beyond two coders; κ and α for segments, where no unit is uncoded by both).
                  Hover a value for why. Click a code to show its documents; click a document to see where the coders agree and differ.
                </p>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
