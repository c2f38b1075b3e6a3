/**
 * After an anonymise: the copies of the project made before it (the backups in Gloss's data
 * folder, the previous save kept beside the file) still hold the name. The person is told,
 * and may delete them; Gloss never does so on its own, as they are also the way back.
 */
import { useEffect, useState } from 'react';
import { fetchBackups, forgetOlderCopies } from '../history/history-actions';

export function OlderCopies({ name }: { name: string }) {
  const [backups, setBackups] = useState<number | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void fetchBackups().then((list) => live && list && setBackups(list.length));
    return () => {
      live = false;
    };
  }, []);

  if (outcome) {
    return (
      <div className="older-copies" role="group" aria-label="Older copies">
        {/* Not role="status": the window's status line is the one status there is. */}
        <p className={outcome.ok ? 'hint' : 'error-text'} aria-live="polite">
          {outcome.text}
        </p>
      </div>
    );
  }
  const held = backups === null || backups === 0 ? 'the previous save kept beside the project file' : `${backups === 1 ? '1 backup' : `${backups} backups`} in Gloss's data folder and the previous save kept beside the project file`;
  const forget = async () => {
    setBusy(true);
    setOutcome(await forgetOlderCopies());
    setBusy(false);
  };
  return (
    <div className="older-copies" role="group" aria-label="Older copies">
      <p>
        Copies made before this still hold “{name}”: {held}.
      </p>
      {asking ? (
        <p>
          Delete them? The project is saved first; the deleted backups can no longer be restored.{' '}
          <button type="button" className="small danger" disabled={busy} onClick={() => void forget()}>
            Delete older copies
          </button>{' '}
          <button type="button" className="small" disabled={busy} onClick={() => setAsking(false)}>
            Keep them
          </button>
        </p>
      ) : (
        <button type="button" className="small" onClick={() => setAsking(true)}>
          Delete older copies…
        </button>
      )}
    </div>
  );
}
