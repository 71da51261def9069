/**
 * A small line chart with its numbers: an SVG drawn to a viewBox (so it shrinks with the page at
 * 320 px and at 200% zoom), named and summarised for screen readers by its `<title>` and `<desc>`,
 * and always followed by a visible data table of the same values, which is what a screen reader or
 * a keyboard user reads. Series differ by marker shape and dash pattern as well as colour, and the
 * legend shows both, so no series is told apart by colour alone. No chart library: public pages stay
 * light, and a chart this plain needs none.
 */
import { useId } from 'react';
import { valueAxis } from '../../shared/axis.ts';
import { defineMessages, useText } from '../i18n/index.ts';
import { type Column, DataTable } from './data-table.tsx';
import { formatNumber } from './format.ts';

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  key: string;
  label: string;
  points: readonly ChartPoint[];
}

interface LineChartProps {
  /** Names the chart and captions its table. */
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** How an x value is written (years by default: as they are, without grouping). */
  formatX?: (x: number) => string;
}

const chartText = defineMessages('chart', {
  ko: {
    summary:
      '선 그래프. 계열 {{series}}개, {{from}}부터 {{to}}까지, 값은 {{min}}에서 {{max}} 사이입니다. 같은 값이 아래 표에 있습니다.',
    tableCaption: '{{title}}: 그래프의 값',
    noValue: '값 없음',
    legend: '범례',
  },
  en: {
    summary:
      'Line chart. {{series}} series from {{from}} to {{to}}; values range from {{min}} to {{max}}. The table below holds the same values.',
    tableCaption: '{{title}}: the values in the chart',
    noValue: 'no value',
    legend: 'Legend',
  },
});

const width = 560;
const height = 300;
const margin = { top: 16, right: 20, bottom: 56, left: 72 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
/** Styles (colour, dash, marker) cycle after this many series; the stylesheet defines each. */
const styleCount = 6;

function Marker({ shape, x, y }: { shape: number; x: number; y: number }) {
  const r = 5;
  switch (shape) {
    case 1:
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} />;
    case 2:
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} />;
    case 3:
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
    case 4:
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} />;
    case 5:
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} className="chart__marker--open" />;
    default:
      return <circle cx={x} cy={y} r={r} />;
  }
}

/** The sample of one series' line and marker, for the legend. */
function Swatch({ index }: { index: number }) {
  const style = index % styleCount;
  return (
    <svg className={`chart__swatch chart__series--${style}`} viewBox="0 0 40 16" aria-hidden="true">
      <line x1="0" y1="8" x2="40" y2="8" className="chart__line" />
      <g className="chart__markers">
        <Marker shape={style} x={20} y={8} />
      </g>
    </svg>
  );
}

const defaultFormatX = (x: number) => String(x);

export function LineChart({ title, xLabel, yLabel, series, formatX = defaultFormatX }: LineChartProps) {
  const t = useText(chartText);
  const titleId = useId();
  const descId = useId();
  const xs = [...new Set(series.flatMap((line) => line.points.map((point) => point.x)))].sort(
    (a, b) => a - b,
  );
  const ys = series.flatMap((line) => line.points.map((point) => point.y));
  if (xs.length === 0 || ys.length === 0) return null;

  const dataMin = Math.min(...ys);
  const dataMax = Math.max(...ys);
  // The value axis always includes zero, so that a small change does not look like a steep one, and
  // always reaches past the highest and lowest value, so no point is drawn outside it.
  const { ticks: yTicks, min: yMin, max: yMax } = valueAxis(ys);
  const xMin = xs[0] ?? 0;
  const xMax = xs[xs.length - 1] ?? 0;
  const scaleX = (x: number) =>
    margin.left + (xMax === xMin ? plotWidth / 2 : ((x - xMin) / (xMax - xMin)) * plotWidth);
  const scaleY = (y: number) => margin.top + plotHeight - ((y - yMin) / (yMax - yMin || 1)) * plotHeight;
  // At most about eight labels on the x axis, so they never overlap.
  const xStep = Math.ceil(xs.length / 8);
  const xTicks = xs.filter((_, index) => index % xStep === 0);

  const summary = t('summary', {
    series: series.length,
    from: formatX(xMin),
    to: formatX(xMax),
    min: formatNumber(dataMin),
    max: formatNumber(dataMax),
  });

  type Row = { x: number };
  const columns: Column<Row>[] = [
    { key: 'x', header: xLabel, rowHeader: true, cell: (row) => formatX(row.x) },
    ...series.map(
      (line): Column<Row> => ({
        key: line.key,
        header: line.label,
        numeric: true,
        cell: (row) => {
          const point = line.points.find((candidate) => candidate.x === row.x);
          return point ? (
            formatNumber(point.y)
          ) : (
            <>
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">{t('noValue')}</span>
            </>
          );
        },
      }),
    ),
  ];

  return (
    <div className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        <g className="chart__grid">
          {yTicks.map((tick) => (
            <line key={tick} x1={margin.left} x2={width - margin.right} y1={scaleY(tick)} y2={scaleY(tick)} />
          ))}
        </g>
        <g className="chart__axis">
          <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotHeight} />
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={margin.top + plotHeight}
            y2={margin.top + plotHeight}
          />
        </g>
        <g className="chart__ticks chart__ticks--y">
          {yTicks.map((tick) => (
            <text key={tick} x={margin.left - 8} y={scaleY(tick)} dy="0.35em">
              {formatNumber(tick)}
            </text>
          ))}
        </g>
        <g className="chart__ticks chart__ticks--x">
          {xTicks.map((tick) => (
            <text key={tick} x={scaleX(tick)} y={margin.top + plotHeight + 22}>
              {formatX(tick)}
            </text>
          ))}
        </g>
        <text className="chart__axis-label" x={margin.left + plotWidth / 2} y={height - 8}>
          {xLabel}
        </text>
        <text
          className="chart__axis-label"
          transform={`translate(16 ${margin.top + plotHeight / 2}) rotate(-90)`}
        >
          {yLabel}
        </text>
        {series.map((line, index) => {
          const points = [...line.points].sort((a, b) => a.x - b.x);
          const style = index % styleCount;
          return (
            <g key={line.key} className={`chart__series--${style}`}>
              <polyline
                className="chart__line"
                points={points.map((point) => `${scaleX(point.x)},${scaleY(point.y)}`).join(' ')}
              />
              <g className="chart__markers">
                {points.map((point) => (
                  <Marker key={point.x} shape={style} x={scaleX(point.x)} y={scaleY(point.y)} />
                ))}
              </g>
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart__legend" aria-label={t('legend')}>
          {series.map((line, index) => (
            <li key={line.key}>
              <Swatch index={index} /> {line.label}
            </li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption={t('tableCaption', { title })}
        columns={columns}
        rows={xs.map((x) => ({ x }))}
        rowKey={(row) => String(row.x)}
      />
    </div>
  );
}
