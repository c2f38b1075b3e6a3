/** Reader / Excerpts / Agreement: toggle buttons, the pressed one showing the current view. */
import { useGloss } from '../store';
import type { View } from '../store/ui-slice';

const VIEWS: { view: View; label: string }[] = [
  { view: 'reader', label: 'Reader' },
  { view: 'excerpts', label: 'Excerpts' },
  { view: 'agreement', label: 'Agreement' },
];

export function ViewSwitch() {
  const current = useGloss((s) => s.view);
  const setView = useGloss((s) => s.setView);
  return (
    <div className="toolbar-group view-switch" role="group" aria-label="View">
      {VIEWS.map(({ view, label }) => (
        <button key={view} type="button" aria-pressed={current === view} onClick={() => setView(view)}>
          {label}
        </button>
      ))}
    </div>
  );
}
