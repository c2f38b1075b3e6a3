/**
 * Importing values from a CSV (`document,Region,Age` or `case,…`): the file is read here,
 * matched to the project's documents or cases and shown cell by cell before anything
 * changes; Import then runs the same request, as one undo step.
 */
import { useState } from 'react';
import { previewValuesImport, readValuesFile, type ValuesPreview } from '../../../shared/ops/values-import';
import { valueText } from '../../../shared/model/variable-values';
import { Dialog } from '../common/Dialog';
import { messageOf } from '../common/errors';
import { run } from '../project/actions';
import { useGloss } from '../store';
import { previewChanges, type ChangePreview } from './csv-preview';

/** Changes listed in the preview; the rest are counted. */
const SHOWN = 200;

export function ValuesImportDialog({ onClose, onDone }: { onClose: () => void; onDone: (text: string) => void }) {
  const project = useGloss((s) => s.project);
  const [fileError, setFileError] = useState<string | null>(null);
  const [read, setRead] = useState<{ name: string; preview: ValuesPreview; changes: ChangePreview } | null>(null);

  const choose = async (file: File | undefined) => {
    setRead(null);
    setFileError(null);
    if (!file || !project) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return setFileError(`${file.name}: could not be read (${messageOf(e)}). Choose it again.`);
    }
    const table = readValuesFile(bytes, file.name);
    if (!table.ok) return setFileError(table.error);
    const preview = previewValuesImport(project, table.value);
    setRead({ name: file.name, preview, changes: previewChanges(project, preview) });
  };

  const changes = read?.changes.changes ?? [];
  const apply = async () => {
    if (!read) return;
    const done = await run(read.preview.request);
    if (done) {
      onDone(`${done.label} from ${read.name}.`);
      onClose();
    }
  };

  return (
    <Dialog
      title="Import values from a CSV"
      className="wide"
      submitLabel={read ? `Import ${changes.length === 1 ? '1 value' : `${changes.length} values`}` : 'Import'}
      submitDisabled={!read || read.changes.refusal !== null || changes.length === 0}
      onSubmit={() => void apply()}
      onClose={onClose}
    >
      <p className="hint">
        The first column names the document (its header <code>document</code>) or the case (<code>case</code>); every other column is a variable, created as text when the project has none of
        that name. An empty cell clears the value.
      </p>
      <label className="field">
        <span>CSV file</span>
        <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void choose(e.target.files?.[0])} autoFocus />
      </label>
      {fileError && (
        <p className="error-text" role="alert">
          {fileError}
        </p>
      )}
      {read && (
        <div className="values-preview" role="region" aria-label="What the import will change">
          {read.changes.refusal && (
            <p className="error-text" role="alert">
              {read.name}: {read.changes.refusal}
            </p>
          )}
          {read.preview.warnings.map((w) => (
            <p key={w} className="hint">
              {w}
            </p>
          ))}
          {read.preview.newVariables.length > 0 && <p>New text variables: {read.preview.newVariables.join(', ')}.</p>}
          {read.preview.unknown.length > 0 && (
            <p>
              Left out, naming no {read.preview.request.kind} of this project: {read.preview.unknown.map((u) => `row ${u.line} (${u.name || 'empty'})`).join(', ')}.
            </p>
          )}
          {!read.changes.refusal && changes.length === 0 && <p>Every value in the file is already in the project: nothing to import.</p>}
          {changes.length > 0 && (
            <table className="preview-table">
              <caption>
                {changes.length === 1 ? '1 value' : `${changes.length} values`} will change, as one step you can undo
              </caption>
              <thead>
                <tr>
                  <th scope="col">{read.preview.request.kind === 'document' ? 'Document' : 'Case'}</th>
                  <th scope="col">Variable</th>
                  <th scope="col">Now</th>
                  <th scope="col">After import</th>
                </tr>
              </thead>
              <tbody>
                {changes.slice(0, SHOWN).map((c, i) => (
                  <tr key={i}>
                    <td>{c.name}</td>
                    <td>{c.variable}</td>
                    <td>{valueText(c.before)}</td>
                    <td>{valueText(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {changes.length > SHOWN && <p className="hint">…and {changes.length - SHOWN} more.</p>}
        </div>
      )}
    </Dialog>
  );
}
