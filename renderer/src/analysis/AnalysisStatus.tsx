/**
 * What a view says while it counts (how far the host's worker has got, and Stop), when the
 * count was stopped, when the host refused, or when there is nothing to show.
 */
import { useGloss } from '../store';
import { formatCount } from '../common/format-count';
import type { AnalysisAnswer } from './use-analysis';
import type { AnalysisRequest } from '../../../shared/ipc/analysis-request';

type Counting = Pick<AnalysisAnswer<AnalysisRequest>, 'busy' | 'error' | 'taskId' | 'stopped' | 'stop' | 'again'>;

export const STOPPED_TEXT = 'Counting was stopped before it finished.';

export function AnalysisStatus({ answer, empty }: { answer: Counting; empty: string | null }) {
  const { busy, error, taskId, stopped, stop, again } = answer;
  // The host reports progress only for a count that lasts (a tenth of a second or more).
  const progress = useGloss((s) => (taskId && s.progress?.taskId === taskId ? s.progress : null));
  if (error) return <p role="alert">The figures could not be computed: {error}</p>;
  if (stopped) {
    return (
      <p className="analysis-stopped" role="status">
        {STOPPED_TEXT}{' '}
        <button type="button" className="small" onClick={again}>
          Count again
        </button>
      </p>
    );
  }
  if (busy) {
    return (
      <p className="analysis-counting muted" role="status">
        {progress && progress.total > 0 ? (
          <>
            <progress max={progress.total} value={progress.done} aria-label={progress.task} /> {progress.task}: {formatCount(progress.done)} of {formatCount(progress.total)} documents
          </>
        ) : (
          'Counting…'
        )}{' '}
        {taskId && (
          <button type="button" className="small" onClick={stop}>
            Stop
          </button>
        )}
      </p>
    );
  }
  if (empty) return <p className="pane-empty">{empty}</p>;
  return null;
}
