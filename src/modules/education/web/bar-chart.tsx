/**
 * A horizontal bar chart for values by category (the kernel's chart draws lines over years). The
 * SVG names itself and says, in its description, that the table following it holds the same values:
 * the caller renders that table (here Table 3 itself, with more columns than the chart), so the
 * numbers are printed once, and read by screen readers from the table. Each bar has its value written
 * beside it, so no value depends on reading a bar's length.
 */
import { useId } from 'react';
import { valueAxis } from '../../../kernel/shared/axis.ts';
import { formatNumber } from '../../../kernel/web/ui/index.ts';
import './education.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const barHeight = 22;
const gap = 10;
const labelWidth = 230;
const valueWidth = 90;
const plotWidth = 360;

export function BarChart({ title, summary, bars }: { title: string; summary: string; bars: readonly Bar[] }) {
  const titleId = useId();
  const descId = useId();
  if (bars.length === 0) return null;
  // The scale covers zero and the lowest and highest value, so no bar runs past the plot.
  const axis = valueAxis(bars.map((bar) => bar.value));
  const scale = (value: number) => ((value - axis.min) / (axis.max - axis.min)) * plotWidth;
  const zero = scale(0);
  const width = labelWidth + plotWidth + valueWidth;
  const height = bars.length * (barHeight + gap) + gap;
  return (
    <svg
      className="bar-chart__svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <line className="bar-chart__axis" x1={labelWidth + zero} x2={labelWidth + zero} y1={0} y2={height} />
      {bars.map((bar, index) => {
        const top = gap + index * (barHeight + gap);
        const end = scale(bar.value);
        const length = Math.max(Math.abs(end - zero), 1);
        return (
          <g key={bar.key}>
            <text className="bar-chart__label" x={labelWidth - 8} y={top + barHeight / 2} dy="0.35em">
              {bar.label}
            </text>
            <rect
              className="bar-chart__bar"
              x={labelWidth + Math.min(zero, end)}
              y={top}
              width={length}
              height={barHeight}
            />
            <text
              className="bar-chart__value"
              x={labelWidth + Math.max(zero, end) + 6}
              y={top + barHeight / 2}
              dy="0.35em"
            >
              {formatNumber(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
