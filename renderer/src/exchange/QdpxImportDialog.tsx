/**
 * "Import REFI-QDA project": names the chosen file, asks how to read its text positions,
 * and says that the import becomes a new project. A refused file (not a QDPX, a DOCTYPE,
 * an entry pointing outside the archive) is shown here, naming the file; nothing changes.
 */
import { useId, useState } from 'react';
import type { FileRef, QdpxImportRequest } from '../../../shared/ipc/contract';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { importQdpx } from './actions';
import './exchange.css';
import { visibleName } from '../../../shared/text/safe-names';

type Positions = QdpxImportRequest['positions'];

const POSITION_CHOICES: { value: Positions; label: string; hint: string }[] = [
  { value: 'auto', label: 'Automatic (by the program that wrote it)', hint: 'checked against the quoted text where the file has it' },
  { value: 'codepoints', label: 'Unicode code points (the standard)', hint: 'ATLAS.ti, MAXQDA, QualCoder, Taguette' },
  { value: 'utf16', label: 'UTF-16 (NVivo)', hint: 'what NVivo writes' },
];

export function QdpxImportDialog({ file, onClose }: { file: FileRef; onClose: () => void }) {
  const host = useGloss((s) => s.host);
  const [positions, setPositions] = useState<Positions>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const group = useId();

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    // Done, the reply opens the new project and this dialog gives way to the report.
    const problem = await importQdpx(file, positions);
    if (problem === null) return;
    setError(problem);
    setBusy(false);
  };

  return (
    <Dialog
      title="Import REFI-QDA project"
      submitLabel={busy ? 'Importing…' : 'Import'}
      submitDisabled={busy}
      onSubmit={() => void run()}
      onClose={() => !busy && onClose()}
    >
      <div className="exchange-body" aria-busy={busy}>
        <p className="exchange-file">
          <span className="muted">File:</span> <strong>{visibleName(file.name)}</strong>
        </p>
        <fieldset className="field choices">
          <legend>Read text positions as</legend>
          {POSITION_CHOICES.map((choice) => (
            <label key={choice.value} className="check">
              <input type="radio" name={group} checked={positions === choice.value} onChange={() => setPositions(choice.value)} disabled={busy} />
              <span>
                {choice.label} <span className="muted">— {choice.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="hint">
          {host === 'browser'
            ? 'It becomes a NEW project, saved beside the open one, and opens in its place. The open project is not changed.'
            : 'It becomes a NEW project: you choose where to save it, and it opens in place of this one. The open project is not changed.'}
        </p>
        {busy && (
          <p className="muted" role="status">
            Importing {visibleName(file.name)}…
          </p>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
