/**
 * A horizontal bar chart of one figure per code, as SVG: a title and a description say
 * what it shows, and every bar carries its number as text, so the chart reads without
 * colour and exports (SVG, PNG) as it is seen. Colours are explicit, not the theme's, so
 * an exported chart looks the same wherever it is opened.
 */
import { forwardRef, useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

const ROW = 22;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 420;
const NUMBER_WIDTH = 80;

/** Labels longer than this are cut with "…" (the full path stays in the table). */
const LABEL_CHARS = 38;

export const BarChart = forwardRef<SVGSVGElement, { title: string; description: string; bars: readonly Bar[] }>(function BarChart({ title, description, bars }, ref) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = 30 + bars.length * ROW;
  const width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH;
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      className="analysis-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily="system-ui, sans-serif"
      fontSize="12"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <rect x="0" y="0" width={width} height={height} fill="#ffffff" />
      <text x="8" y="18" fontWeight="bold" fill="#1d2126">
        {title}
      </text>
      {bars.map((bar, i) => {
        const y = 30 + i * ROW;
        const w = Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * BAR_WIDTH);
        const label = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label;
        return (
          <g key={i}>
            <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" fill="#1d2126">
              {label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={w} height={ROW - 6} fill="#225ea8" />
            <text x={LABEL_WIDTH + w + 6} y={y + 15} fill="#1d2126">
              {bar.value.toLocaleString('en')}
            </text>
          </g>
        );
      })}
    </svg>
  );
});
