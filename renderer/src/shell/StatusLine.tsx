/** The status line: project, save state (with a retry when saving failed), long work under way (with Cancel), coder. */
import { useEffect } from 'react';
import { useGloss } from '../store';
import { saveNow } from '../project/actions';
import { selectProjectName } from '../store/selectors';
import { saveStatusText, windowTitle } from './save-status';
import { TaskProgress } from '../tasks/TaskProgress';
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
      {progress && <TaskProgress progress={progress} />}
      {coder && <span className="muted coder">Coding as {coder}</span>}
    </footer>
  );
}
