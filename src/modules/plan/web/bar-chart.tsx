/**
 * A horizontal bar chart with its numbers, for the plan's public page (the kernel has a line chart
 * only): an SVG drawn to a viewBox, named by its `<title>` and summarised by its `<desc>`, followed by
 * a visible table of the same values, which is what a screen reader or keyboard user reads. With two
 * series the second is drawn outlined, so the two differ by more than colour; the legend shows both.
 */
import { useId } from 'react';
import { valueAxis } from '../../../kernel/shared/axis.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber } from '../../../kernel/web/ui/index.ts';
import { planText } from './messages.ts';

export interface Bar {
  key: string;
  label: string;
  /** One value per series. */
  values: readonly number[];
}

interface BarChartProps {
  title: string;
  /** The header of the table's first column. */
  itemLabel: string;
  series: readonly string[];
  bars: readonly Bar[];
  /** The largest value the axis shows (100 for percentages); the data's maximum by default. */
  max?: number;
  format?: (value: number) => string;
}

const width = 640;
const labelHeight = 20;
const barHeight = 16;
const gap = 14;
const valueSpace = 150;

export function BarChart({ title, itemLabel, series, bars, max, format = formatNumber }: BarChartProps) {
  const t = useText(planText);
  const titleId = useId();
  const descId = useId();
  if (bars.length === 0) return null;
  // The scale covers zero, the lowest and the highest value (and `max`), so no bar runs past the plot.
  const axis = valueAxis([...(max === undefined ? [] : [max]), ...bars.flatMap((bar) => bar.values)]);
  const groupHeight = labelHeight + series.length * barHeight + gap;
  const height = bars.length * groupHeight;
  const scale = (value: number) => ((value - axis.min) / (axis.max - axis.min)) * (width - valueSpace);
  const zero = scale(0);
  const columns: Column<Bar>[] = [
    { key: 'label', header: itemLabel, rowHeader: true, cell: (bar) => bar.label },
    ...series.map(
      (name, index): Column<Bar> => ({
        key: `series-${index}`,
        header: name,
        numeric: true,
        cell: (bar) => format(bar.values[index] ?? 0),
      }),
    ),
  ];
  return (
    <div className="chart">
      <svg
        className="chart__svg plan-bars"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{t('chartSummary', { count: bars.length })}</desc>
        {bars.map((bar, row) => {
          const y = row * groupHeight;
          return (
            <g key={bar.key}>
              <text className="plan-bars__label" x={0} y={y + 14}>
                {bar.label}
              </text>
              {series.map((name, index) => {
                const value = bar.values[index] ?? 0;
                const barY = y + labelHeight + index * barHeight;
                return (
                  <g key={name}>
                    <rect
                      className={`plan-bars__bar plan-bars__bar--${index % 2}`}
                      x={Math.min(zero, scale(value))}
                      y={barY + 1}
                      width={Math.max(Math.abs(scale(value) - zero), 1)}
                      height={barHeight - 3}
                    />
                    <text className="plan-bars__value" x={Math.max(zero, scale(value)) + 6} y={barY + 12}>
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart__legend plan-bars__legend">
          {series.map((name, index) => (
            <li key={name}>
              <svg className="chart__swatch" viewBox="0 0 40 16" aria-hidden="true">
                <rect
                  className={`plan-bars__bar plan-bars__bar--${index % 2}`}
                  x="2"
                  y="2"
                  width="36"
                  height="12"
                />
              </svg>{' '}
              {name}
            </li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption={t('chartTable', { title })}
        columns={columns}
        rows={bars}
        rowKey={(bar) => bar.key}
      />
    </div>
  );
}
