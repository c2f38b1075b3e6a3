/** Toggle buttons for the views (shared/app/views.ts) on a row of their own, the pressed one showing the current view. */
import { COMMANDS } from '../../../shared/app/commands';
import { VIEWS, viewCommand } from '../../../shared/app/views';
import { useGloss } from '../store';
import { shortcutHint } from './shortcut-hint';

export function ViewSwitch() {
  const current = useGloss((s) => s.view);
  const setView = useGloss((s) => s.setView);
  return (
    <nav className="view-switch" aria-label="Views">
      <div className="toolbar-group" role="group" aria-label="View">
        {VIEWS.map(({ id, label }) => (
          <button key={id} type="button" aria-pressed={current === id} onClick={() => setView(id)} title={shortcutHint(COMMANDS[viewCommand(id)].label, viewCommand(id))}>
            {label}
          </button>
        ))}
      </div>
    </nav>
  );
}
