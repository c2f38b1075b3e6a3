/**
 * The codes pane's "Coders" control: show every coder's codings or a chosen few, in the
 * reader, the code counts and the Excerpts view. Out of sight while the project has one coder.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useGloss } from '../store';
import { selectProjectCoders } from '../store/selectors';
import './team.css';
import { visibleName } from '../../../shared/text/safe-names';

export function CoderFilter() {
  const coders = useGloss(useShallow(selectProjectCoders));
  const filter = useGloss((s) => s.coderFilter);
  const setCoderFilter = useGloss((s) => s.setCoderFilter);
  // Where the panel goes: fixed to the viewport, so the narrow pane does not clip it.
  const [open, setOpen] = useState<{ top: number; right: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => !root.current?.contains(event.target as Node) && setOpen(null);
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [open]);

  if (coders.length < 2) return null;
  const shown = coders.filter((c) => c.shown);
  const summary = !filter ? 'All' : shown.length === 1 ? visibleName(shown[0]!.coder.name) : `${shown.length} of ${coders.length}`;

  const toggle = (id: string, on: boolean) => {
    const ids = shown.map((c) => c.coder.id).filter((other) => other !== id);
    setCoderFilter(on ? [...ids, id] : ids);
  };

  return (
    <div
      ref={root}
      className="coder-filter"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(null);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className={filter ? 'small filtering' : 'small'}
        aria-expanded={!!open}
        aria-controls={panelId}
        title="Show the codings of all coders or a chosen few"
        onClick={(event) => {
          if (open) return setOpen(null);
          const rect = event.currentTarget.getBoundingClientRect();
          setOpen({ top: rect.bottom + 4, right: Math.max(8, window.innerWidth - rect.right) });
        }}
      >
        Coders: {summary} ▾
      </button>
      {open && (
        <fieldset id={panelId} className="coder-filter-panel" style={open}>
          <legend>Show codings by</legend>
          <label className="check">
            <input type="checkbox" checked={!filter} disabled={!filter} onChange={() => setCoderFilter(null)} autoFocus />
            All coders
          </label>
          {coders.map(({ coder, codings, shown: isShown }) => (
            <label key={coder.id} className="check">
              <input
                type="checkbox"
                checked={isShown}
                // Hiding everyone would leave nothing to filter back from.
                disabled={isShown && shown.length === 1}
                onChange={(e) => toggle(coder.id, e.target.checked)}
              />
              <span className="coder-dot" style={{ background: coder.color }} aria-hidden="true" />
              {visibleName(coder.name)}
              <span className="count muted" aria-label={`${codings} codings`}>
                {codings}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
