/** After an edit left codings unplaced: close the report and list them under Needs review. */
import { useGloss } from '../store';

export function ReviewThemButton({ unplaced, onClose }: { unplaced: number; onClose: () => void }) {
  const showNeedsReview = useGloss((s) => s.showNeedsReview);
  if (unplaced === 0) return null;
  return (
    <button
      type="button"
      onClick={() => {
        onClose();
        showNeedsReview();
      }}
    >
      Review them
    </button>
  );
}
