/**
 * The backups of the open project (made before each destructive step), newest first, each
 * with a Restore button. Restoring asks first; the host backs up the present before it
 * restores, and the restore is one step Undo takes back.
 */
import { useEffect, useState } from 'react';
import type { BackupListing } from '../../../shared/ipc/contract';
import { visibleName } from '../../../shared/text/safe-names';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useGloss } from '../store';
import { fetchBackups, restoreBackup } from './history-actions';

export function BackupsList() {
  const revision = useGloss((s) => s.revision);
  const readOnly = useGloss((s) => s.readOnly);
  const [backups, setBackups] = useState<BackupListing[] | null>(null);
  const [asking, setAsking] = useState<BackupListing | null>(null);

  useEffect(() => {
    let live = true;
    void fetchBackups().then((list) => live && list && setBackups(list));
    return () => {
      live = false;
    };
  }, [revision]);

  return (
    <section className="backups" aria-labelledby="backups-heading">
      <h3 id="backups-heading">Backups</h3>
      <p className="hint">Gloss keeps a copy of the project before each deletion, merge and codebook import (the newest 20), in its data folder.</p>
      {backups === null ? (
        <p className="muted">Listing the backups…</p>
      ) : backups.length === 0 ? (
        <p className="pane-empty">No backup yet: one is made before the first deletion, merge or import.</p>
      ) : (
        <ul className="backup-list" aria-label="Backups, newest first">
          {backups.map((b) => (
            <li key={b.id} className="backup-row">
              <span className="backup-time">{new Date(b.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}</span>
              <span className="backup-reason">before {visibleName(b.reason)}</span>
              <span className="backup-size">{formatBytes(b.bytes)}</span>
              <button type="button" className="small" disabled={readOnly} onClick={() => setAsking(b)} aria-label={`Restore the backup made before ${visibleName(b.reason)}`}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title="Restore this backup?"
          message={`The project goes back to how it was before “${visibleName(asking.reason)}”. The project as it is now is kept as a backup first, and Undo takes the restore back.`}
          confirmLabel="Restore backup"
          onConfirm={() => void restoreBackup(asking)}
          onClose={() => setAsking(null)}
        />
      )}
    </section>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
