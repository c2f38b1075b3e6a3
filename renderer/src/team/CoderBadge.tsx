/** The coder's name in the toolbar, in their colour; a click changes the name. */
import { useGloss } from '../store';
import { selectCoderColors } from '../store/selectors';
import { askCoderName } from './actions';
import './team.css';
import { visibleName } from '../../../shared/text/safe-names';

export function CoderBadge() {
  const coder = useGloss((s) => s.coder);
  // The colour the project's views show for this coder (it may differ from the one they chose).
  const color = useGloss((s) => (s.coder ? selectCoderColors(s).get(s.coder.id) : undefined));
  if (!coder) return null;
  return (
    <button type="button" className="coder-badge" onClick={askCoderName} title="Coding as this name: click to change it" aria-label={`Coder: ${visibleName(coder.name)}. Change my coder name`}>
      <span className="coder-dot" style={{ background: color ?? coder.color }} aria-hidden="true" />
      <span className="coder-badge-name">{visibleName(coder.name)}</span>
    </button>
  );
}
