/**
 * File ▸ Export ▸ Report (HTML)…: which analysis tables go in the report after its codebook
 * (none unless ticked, the report as before). The tables count what the Analysis view
 * counts; when it counts only part of the project the dialog says so, and so does each
 * table's caption in the report.
 */
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { exportFile } from './actions';
import { currentAnalysisFilter, currentFilterSentence } from '../analysis/filter-state';
import { REPORT_SECTION_HINTS, REPORT_SECTION_LABELS, REPORT_SECTIONS, orderedSections, type ReportSection } from '../../../shared/export/report-sections';
import { visibleName } from '../../../shared/text/safe-names';
import './exchange.css';

/** The sections ticked last time, ticked again while the app runs. */
let lastChosen: ReportSection[] = [];

export function ReportDialog({ onClose }: { onClose: () => void }) {
  const [chosen, setChosen] = useState<ReadonlySet<ReportSection>>(new Set(lastChosen));
  const [counted] = useState(currentFilterSentence);
  const toggle = (section: ReportSection, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(section);
    else next.delete(section);
    setChosen(next);
  };
  const run = () => {
    const sections = orderedSections(chosen);
    lastChosen = sections;
    const filter = sections.length > 0 ? currentAnalysisFilter() : null;
    onClose();
    void exportFile('html-report', { sections, ...(filter ? { filter } : {}) });
  };
  return (
    <Dialog title="Export report (HTML)" submitLabel="Export" onSubmit={run} onClose={onClose}>
      <div className="exchange-body">
        <p className="hint">The report holds the codebook and every code’s excerpts, grouped by document.</p>
        <fieldset className="field choices">
          <legend>Add analysis tables after the codebook</legend>
          {REPORT_SECTIONS.map((section) => (
            <label key={section} className="check">
              <input type="checkbox" checked={chosen.has(section)} onChange={(e) => toggle(section, e.target.checked)} />
              <span>
                {REPORT_SECTION_LABELS[section]} <span className="muted">— {REPORT_SECTION_HINTS[section]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {counted && (
          <p className="hint" role="note">
            The tables count what the Analysis view counts. {visibleName(counted)}
          </p>
        )}
      </div>
    </Dialog>
  );
}
