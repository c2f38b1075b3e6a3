/**
 * The Analysis view: code frequencies, co-occurrence, matrices and the framework matrix,
 * each a tab over one shared filter. The figures come from the host (shared/analysis/ via
 * 'analysis:run'); any number opens the excerpts behind it in the panel beside the table.
 */
import { useMemo, useState } from 'react';
import { useGloss } from '../store';
import { FrequenciesPanel } from './FrequenciesPanel';
import { CooccurrencePanel } from './CooccurrencePanel';
import { MatrixPanel } from './MatrixPanel';
import { FrameworkPanel } from './FrameworkPanel';
import { EvidencePanel, type Evidence } from './EvidencePanel';
import { AnalysisFilterBar, filterOf, valuesOf } from './AnalysisFilterBar';
import { useAnalysisChoice } from './filter-state';
import './analysis.css';

const TABS = [
  { id: 'frequencies', label: 'Frequencies' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'framework', label: 'Framework' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function AnalysisView() {
  const project = useGloss((s) => s.project);
  const coderFilter = useGloss((s) => s.coderFilter);
  const variablesVersion = useGloss((s) => `${s.versions.documents}.${s.versions.cases}.${s.versions.variables}`);
  const [tab, setTab] = useState<Tab>('frequencies');
  // Kept beyond the view, so the Export menus' analysis tables count what it counts.
  const [choice, setChoice] = useAnalysisChoice();
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const values = useMemo(() => (project ? valuesOf(project, choice.variableId) : new Map()), [project, choice.variableId, variablesVersion]);
  const filter = useMemo(() => filterOf(choice, coderFilter, values), [choice, coderFilter, values]);
  if (!project) return null;
  const show = (next: Tab) => {
    setTab(next);
    setEvidence(null);
  };

  return (
    <section className="analysis-view" aria-label="Analysis">
      <div className="analysis-head">
        <div role="tablist" aria-label="Analyses" className="analysis-tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`analysis-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="analysis-tabpanel"
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => show(t.id)}
              onKeyDown={(e) => {
                const i = TABS.findIndex((x) => x.id === tab);
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = TABS[(i + step + TABS.length) % TABS.length]!.id;
                show(next);
                document.getElementById(`analysis-tab-${next}`)?.focus();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <AnalysisFilterBar choice={choice} onChange={setChoice} values={values} />
      </div>
      <div className="analysis-body">
        <div className="analysis-main" role="tabpanel" id="analysis-tabpanel" aria-labelledby={`analysis-tab-${tab}`} ref={setScroller}>
          {tab === 'frequencies' && <FrequenciesPanel filter={filter} onOpen={setEvidence} scroller={scroller} />}
          {tab === 'cooccurrence' && <CooccurrencePanel filter={filter} onOpen={setEvidence} scroller={scroller} />}
          {tab === 'matrix' && <MatrixPanel filter={filter} onOpen={setEvidence} scroller={scroller} />}
          {tab === 'framework' && <FrameworkPanel filter={filter} scroller={scroller} />}
        </div>
        {evidence && tab !== 'framework' && <EvidencePanel evidence={evidence} onClose={() => setEvidence(null)} />}
      </div>
    </section>
  );
}
