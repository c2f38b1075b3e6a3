/**
 * The History view: the project's audit trail (who changed what, when), filtered by
 * coder, code, document and dates, as a virtualised list with a CSV export; and the
 * backups made before destructive steps, each restorable. The trail is fetched when the
 * view is shown and after each change while it is, never sent with the snapshot.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../shared/model/schema';
import { entryNames, filterTrail, trailCoders, trailCsv, viaLabel, type AuditFilter } from '../../../shared/ops/audit-filter';
import { exportBaseName } from '../../../shared/export/file-names';
import { visibleName } from '../../../shared/text/safe-names';
import { VirtualList } from '../common/VirtualList';
import { countOf } from '../common/format-count';
import { downloadText } from '../files/download';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { BackupsList } from './BackupsList';
import { fetchTrail } from './history-actions';
import './history.css';

export function HistoryView() {
  const project = useGloss((s) => s.project);
  const revision = useGloss((s) => s.revision);
  const codeRows = useGloss(selectCodeRows);
  const [trail, setTrail] = useState<AuditEntry[] | null>(null);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [scroller, setScroller] = useState<HTMLElement | null>(null);

  useEffect(() => {
    let live = true;
    void fetchTrail().then((entries) => live && entries && setTrail(entries));
    return () => {
      live = false;
    };
  }, [revision]);

  const coders = useMemo(() => trailCoders(trail ?? []), [trail]);
  const documents = useMemo(
    () => (project ? [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name)) : []),
    // revision: the project's maps change in place.
    [project, revision],
  );
  // Newest first: what was done last is what a person looks for.
  const shown = useMemo(() => filterTrail(trail ?? [], filter).reverse(), [trail, filter]);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const exportCsv = () => {
    if (!project) return;
    const base = exportBaseName(project.project.name || 'project');
    downloadText(`${base} - history.csv`, 'text/csv', trailCsv(project, [...shown].reverse()));
  };

  return (
    <section className="history-view" aria-label="History" ref={setScroller}>
      <h2>History</h2>
      <div className="history-filters" role="group" aria-label="Filter the history">
        <label className="field">
          <span>Coder</span>
          <select aria-label="Filter by coder" value={filter.coderId ?? ''} onChange={(e) => set({ coderId: e.target.value || undefined })}>
            <option value="">Everyone</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {visibleName(c.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Code</span>
          <select aria-label="Filter by code" value={filter.codeId ?? ''} onChange={(e) => set({ codeId: e.target.value || undefined })}>
            <option value="">Any code</option>
            {codeRows.map((r) => (
              <option key={r.code.id} value={r.code.id}>
                {'\u00a0'.repeat(r.depth * 2)}
                {visibleName(r.code.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Document</span>
          <select aria-label="Filter by document" value={filter.documentId ?? ''} onChange={(e) => set({ documentId: e.target.value || undefined })}>
            <option value="">Any document</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {visibleName(d.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>From</span>
          <input type="date" aria-label="From day" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" aria-label="To day" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        <button type="button" className="small" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>
      <p className="history-count" aria-live="polite">
        {trail === null ? 'Reading the history…' : countOf(shown.length, 'change', 'changes')}
      </p>
      {trail !== null && trail.length === 0 && <p className="pane-empty">No change has been recorded in this project yet.</p>}
      {shown.length > 0 && project && (
        <VirtualList
          items={shown}
          itemKey={(e) => e.id}
          estimateSize={() => 52}
          scrollElement={scroller}
          label="Changes, newest first"
          className="history-list"
          focusClass="history-entry"
          renderRow={(entry, row) => {
            const names = entryNames(project, entry);
            const via = viaLabel(entry);
            return (
              <li {...row} className="history-row">
                <div className="history-entry" tabIndex={-1}>
                  <span className="history-time">{formatTime(entry.at)}</span>
                  <span className="history-who">{visibleName(entry.who)}</span>
                  <span className="history-text">
                    {visibleName(entry.text)}
                    {via && <span className="history-via"> ({via})</span>}
                  </span>
                  {(names.codes || names.documents) && (
                    <span className="history-refs">{[names.codes, names.documents].filter(Boolean).map(visibleName).join(' · ')}</span>
                  )}
                </div>
              </li>
            );
          }}
        />
      )}
      <BackupsList />
    </section>
  );
}

/** A time as the person's locale writes it, to the minute. */
function formatTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
