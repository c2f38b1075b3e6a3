/**
 * Cases & Variables: the values of every document (or case) in a spreadsheet-like table
 * (ValuesGrid), variables made, changed and deleted from it, values imported from a CSV
 * after a preview, and the cases and sets beside it. The rows follow the documents pane's
 * filter.
 */
import { useMemo, useState } from 'react';
import type { Variable } from '../../../shared/model/schema';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { run } from '../project/actions';
import { useGloss } from '../store';
import { useFilteredDocumentIds } from '../documents/use-filtered-documents';
import { GroupsPanel } from './GroupsPanel';
import { ValuesGrid, type ValuesRow } from './ValuesGrid';
import { VariableDialog } from './VariableDialog';
import { ValuesImportDialog } from './ValuesImportDialog';
import './variables.css';

type Open = { kind: 'variable'; variable: Variable | null } | { kind: 'delete'; variable: Variable } | { kind: 'import' } | null;

export function VariablesView() {
  const project = useGloss((s) => s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const versions = useGloss((s) => s.versions);
  const shownIds = useFilteredDocumentIds();
  const [rowKind, setRowKind] = useState<'document' | 'case'>('document');
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');

  const variables = useMemo(() => (project ? [...project.variables.values()] : []), [project, versions.variables]);
  const rows = useMemo((): ValuesRow[] => {
    if (!project) return [];
    const byName = (a: ValuesRow, b: ValuesRow) => a.name.localeCompare(b.name, undefined, { numeric: true });
    if (rowKind === 'case') return [...project.cases.values()].map((c) => ({ id: c.id, name: c.name, values: c.values })).sort(byName);
    return [...project.documents.values()].filter((d) => !shownIds || shownIds.has(d.id)).map((d) => ({ id: d.id, name: d.name, values: d.attributes })).sort(byName);
  }, [project, rowKind, shownIds, versions.documents, versions.cases]);

  if (!project) return null;
  const total = rowKind === 'document' ? project.documents.size : project.cases.size;
  return (
    <section className="variables-view" aria-labelledby="variables-heading">
      <header className="variables-header">
        <h2 id="variables-heading">Cases &amp; Variables</h2>
        <div className="segmented" role="radiogroup" aria-label="Rows of the table">
          {(['document', 'case'] as const).map((k) => (
            <label key={k} className={rowKind === k ? 'on' : undefined}>
              <input type="radio" name="variables-rows" value={k} checked={rowKind === k} onChange={() => setRowKind(k)} />
              {k === 'document' ? 'Documents' : 'Cases'}
            </label>
          ))}
        </div>
        <div className="variables-actions">
          <button type="button" disabled={readOnly} onClick={() => setOpen({ kind: 'variable', variable: null })}>
            New variable…
          </button>
          <button type="button" disabled={readOnly} onClick={() => setOpen({ kind: 'import' })}>
            Import values from CSV…
          </button>
        </div>
      </header>
      <div className="variables-body">
        <div className="variables-main">
          {variables.length === 0 ? (
            <p className="pane-empty">No variables yet. Make one with New variable (say Age, Region or Interview date), or import a CSV whose first column names the documents.</p>
          ) : rows.length === 0 ? (
            <p className="pane-empty">{rowKind === 'case' ? 'No cases yet: create one on the right, then give it values here.' : total > 0 ? 'No document passes the documents pane’s filter.' : 'No documents yet.'}</p>
          ) : (
            <>
              <p className="hint" id="grid-help">
                Arrow keys move; Enter or F2 edits, Escape cancels, Tab moves right; Delete clears; Ctrl+V pastes cells copied from a spreadsheet.
                {rowKind === 'document' && rows.length < total ? ` Showing ${rows.length} of ${total} documents (the documents pane’s filter).` : ''}
              </p>
              <ValuesGrid
                kind={rowKind}
                rows={rows}
                variables={variables}
                readOnly={readOnly}
                onEditVariable={(variable) => setOpen({ kind: 'variable', variable })}
                onDeleteVariable={(variable) => setOpen({ kind: 'delete', variable })}
                onStatus={setStatus}
              />
            </>
          )}
          <p className="variables-status" aria-live="polite">
            {status}
          </p>
        </div>
      </div>
      <GroupsPanel />
      {open?.kind === 'variable' && <VariableDialog variable={open.variable} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete variable “${open.variable.name}”?`}
          message="Every value of it, in documents and cases, goes with it. Undo brings them back."
          confirmLabel="Delete variable"
          onConfirm={() => void run({ type: 'deleteVariable', variableId: open.variable.id })}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'import' && <ValuesImportDialog onClose={() => setOpen(null)} onDone={setStatus} />}
    </section>
  );
}
