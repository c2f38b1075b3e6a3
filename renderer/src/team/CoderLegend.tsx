/** Which colour marks which coder, above the reader's text while more than one coder is shown. */
import type { CoderLook } from '../store/selectors';
import './team.css';
import { visibleName } from '../../../shared/text/safe-names';

export function CoderLegend({ coders }: { coders: ReadonlyMap<string, CoderLook> }) {
  return (
    <div className="coder-legend" role="group" aria-label="Coders shown">
      <span className="muted">Coders (underline and stripe cap):</span>
      <ul>
        {[...coders].map(([id, look]) => (
          <li key={id}>
            <span className="coder-dot" style={{ background: look.color }} aria-hidden="true" />
            {visibleName(look.name)}
          </li>
        ))}
      </ul>
    </div>
  );
}
