/**
 * The value axis of every chart (the kernel's line chart, the modules' bar charts, the report's bars):
 * round tick values from at or below the lowest value to at or above the highest, so no value is ever
 * drawn outside its axis (a 162 above a 150 axis was the bug this replaced). Shared by server and web
 * because the report draws its charts on the server.
 */

export interface Axis {
  /** The first tick: at or below the lowest value (and zero, when zero is included). */
  min: number;
  /** The last tick: at or above the highest value. */
  max: number;
  /** About five round values from `min` to `max`, ascending. */
  ticks: number[];
}

// Rounding keeps 0.30000000000000004 from becoming a label or a bound.
const round = (value: number) => Number(value.toPrecision(12));

/**
 * The axis for `values`. With `includeZero` (the default) it also covers zero, so a small change does
 * not look like a steep one and a bar grows from zero. Non-finite values are ignored; no values at all
 * give the axis 0 to 1.
 */
export function valueAxis(values: readonly number[], options: { includeZero?: boolean } = {}): Axis {
  const finite = values.filter((value) => Number.isFinite(value));
  const includeZero = options.includeZero ?? true;
  let low = finite.length === 0 ? 0 : Math.min(...finite);
  let high = finite.length === 0 ? 1 : Math.max(...finite);
  if (includeZero) {
    low = Math.min(0, low);
    high = Math.max(0, high);
  }
  if (low === high) {
    // All values equal: with zero included they are all zero (the axis 0 to 1); otherwise a band
    // around the value, so it sits inside the plot rather than on its edge.
    const pad = Math.abs(low) / 10 || 1;
    if (includeZero) high = 1;
    else {
      low -= pad;
      high += pad;
    }
  }
  const rough = (high - low) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  // Ticks are whole multiples of the step, rounded to the step's own decimals.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const at = (index: number) => Number((index * step).toFixed(Math.min(decimals, 100)));
  const first = Math.floor(round(low / step));
  const last = Math.ceil(round(high / step));
  const ticks: number[] = [];
  for (let index = first; index <= last; index++) ticks.push(at(index));
  // A bound rounded below the lowest or above the highest value gets one more step.
  if ((ticks[0] ?? low) > low) ticks.unshift(at(first - 1));
  if ((ticks[ticks.length - 1] ?? high) < high) ticks.push(at(last + 1));
  return { min: ticks[0] ?? low, max: ticks[ticks.length - 1] ?? high, ticks };
}
