/** The agreement view's controls: unit, coders (two or more), the segment overlap, Compute, Export. */
import { useId } from 'react';
import type { Coder } from '../../../../shared/model/schema';
import type { AgreementUnit } from '../../../../shared/agreement/types';
import { useAgreement } from './agreement-store';
import { formatCount } from '../../common/format-count';
import { UNIT_NAMES } from './table-rows';
import { stopAgreement } from '../actions';
import { visibleName } from '../../../../shared/text/safe-names';

const UNITS: AgreementUnit[] = ['char', 'segment', 'document'];

export interface ControlsProps {
  coders: { coder: Coder; codings: number }[];
  chosen: string[];
  overlapValid: boolean;
  canCompute: boolean;
  canExport: boolean;
  onCompute: () => void;
  onExport: () => void;
}

export function AgreementControls({ coders, chosen, overlapValid, canCompute, canExport, onCompute, onExport }: ControlsProps) {
  const unit = useAgreement((s) => s.unit);
  const overlap = useAgreement((s) => s.minOverlapPercent);
  const busy = useAgreement((s) => s.busy);
  const set = useAgreement((s) => s.set);
  const unitGroup = useId();
  const overlapHint = useId();

  const toggle = (id: string, on: boolean) =>
    set({ coderIds: on ? coders.map((c) => c.coder.id).filter((c) => c === id || chosen.includes(c)) : chosen.filter((c) => c !== id), compare: null });

  return (
    <form
      className="agreement-controls"
      aria-label="Agreement settings"
      onSubmit={(event) => {
        event.preventDefault();
        onCompute();
      }}
    >
      <fieldset className="agreement-group">
        <legend>Unit</legend>
        {UNITS.map((u) => (
          <label key={u} className="check">
            <input type="radio" name={unitGroup} checked={unit === u} onChange={() => set({ unit: u, compare: null })} />
            {UNIT_NAMES[u]}
          </label>
        ))}
      </fieldset>
      <fieldset className="agreement-group">
        <legend>Coders</legend>
        {coders.map(({ coder, codings }) => (
          <label key={coder.id} className="check">
            <input type="checkbox" checked={chosen.includes(coder.id)} onChange={(e) => toggle(coder.id, e.target.checked)} />
            {visibleName(coder.name)} <span className="count">{formatCount(codings)}</span>
          </label>
        ))}
        {chosen.length < 2 && <p className="error-text agreement-note">Choose at least two coders.</p>}
      </fieldset>
      {unit === 'segment' && (
        <label className="field agreement-overlap">
          <span>Minimum overlap</span>
          <span className="agreement-percent">
            <input
              type="number"
              min={1}
              max={100}
              step={1}
              value={overlap}
              aria-invalid={!overlapValid}
              aria-describedby={overlapHint}
              onChange={(e) => set({ minOverlapPercent: e.target.value, compare: null })}
            />
            %
          </span>
          <span id={overlapHint} className={overlapValid ? 'hint' : 'hint error-text'}>
            {overlapValid ? 'of the longer coding' : 'a percentage from 1 to 100'}
          </span>
        </label>
      )}
      <div className="agreement-buttons">
        <button type="submit" className="primary" disabled={!canCompute || busy}>
          {busy ? 'Computing…' : 'Compute'}
        </button>
        {busy && (
          <button type="button" onClick={stopAgreement}>
            Stop
          </button>
        )}
        <button type="button" onClick={onExport} disabled={!canExport}>
          Export table (CSV)
        </button>
      </div>
    </form>
  );
}
