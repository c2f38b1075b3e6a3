/** The status line: project, save state (with a retry when saving failed), coder. */
import { useEffect } from 'react';
import { useGloss } from '../store';
import { saveNow } from '../project/actions';
import { selectProjectName } from '../store/selectors';
import { saveStatusText, windowTitle } from './save-status';
import { visibleName } from '../../../shared/text/safe-names';

export function StatusLine() {
  const name = useGloss(selectProjectName);
  const hasProject = useGloss((s) => !!s.project);
  const save = useGloss((s) => s.save);
  const readOnly = useGloss((s) => s.readOnly);
  const coder = useGloss((s) => s.coder?.name ?? '');
  const progress = useGloss((s) => s.progress);

  useEffect(() => {
    document.title = windowTitle(hasProject ? visibleName(name) : null, save, readOnly);
  }, [name, hasProject, save, readOnly]);

  if (!hasProject) return <footer className="status-line" role="status" />;
  return (
    <footer className={save.status === 'error' ? 'status-line failed' : 'status-line'}>
      <span role="status" className="status-text">
        <strong>{visibleName(name) || 'Untitled'}</strong> · <span className="save-state">{saveStatusText(save, readOnly)}</span>
      </span>
      {save.status === 'error' && !readOnly && (
        <button type="button" className="small" onClick={() => void saveNow()}>
          Try saving again
        </button>
      )}
      {progress && (
        <span className="progress" aria-live="polite">
          {progress.total > 0 ? (
            <>
              <progress max={progress.total} value={progress.done} aria-label={progress.task} /> {progress.task}: {progress.done} of {progress.total}
            </>
          ) : (
            <>
              <progress aria-label={progress.task} /> {progress.task}…
            </>
          )}
          {progress.current ? ` (${progress.current})` : ''}
        </span>
      )}
      {coder && <span className="muted coder">Coding as {coder}</span>}
    </footer>
  );
}
