/** The heat map's key: the scale from 0 to the largest value, with the numbers at its ends. */
import { HEAT_STOPS, textOn } from './heat';

export function HeatLegend({ max, format = (n) => n.toLocaleString('en') }: { max: number; format?: (n: number) => string }) {
  if (max <= 0) return null;
  return (
    <div className="analysis-legend" role="img" aria-label={`Colour key: pale for few, dark blue for up to ${format(max)}`}>
      <span>few</span>
      {HEAT_STOPS.map((c, i) => (
        <span key={c} className="analysis-legend-step" style={{ background: c, color: textOn(c) }} aria-hidden="true">
          {i === HEAT_STOPS.length - 1 ? format(max) : '\u00a0'}
        </span>
      ))}
      <span>many</span>
    </div>
  );
}
