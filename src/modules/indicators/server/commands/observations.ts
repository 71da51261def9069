/** What importing, entering and correcting observations share: breakdown keys and the year lock. */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { AppError } from '../../../../kernel/server/errors.ts';
import type { CycleStep } from '../../contract.ts';
import type { IndicatorsTrx } from '../tables.ts';
import { dataEntrySteps } from '../workflow.ts';

/** One string per combination of series, unit, geo code and disaggregation values (columns sorted). */
export function breakdownKey(
  series: string | null,
  unit: string | null,
  geoCode: string | null,
  dimensions: Record<string, string>,
): string {
  const sorted = Object.keys(dimensions)
    .sort()
    .map((column) => [column, dimensions[column]]);
  return JSON.stringify([series, unit, geoCode, sorted]);
}

/** The step of each year's cycle (a year without a cycle is open to data: history, say). */
export async function cycleSteps(trx: IndicatorsTrx): Promise<Map<number, CycleStep>> {
  const rows = await trx.selectFrom('indicators_cycles').select(['year', 'step']).execute();
  return new Map(rows.map((row) => [row.year, row.step]));
}

export const lockedYear = (year: number) => new AppError('indicators_year_locked', 409, { params: { year } });

/**
 * Refuses a write to `year`'s data: always once its cycle is closed; for a department also once the
 * cycle has moved past data collection (the office may still fix data until it closes).
 */
export function checkYearWritable(
  steps: Map<number, CycleStep>,
  year: number,
  user: SessionUser | undefined,
): void {
  const step = steps.get(year);
  if (step === undefined) return;
  if (step === 'closed') throw lockedYear(year);
  if (user?.role === 'department' && !dataEntrySteps.includes(step)) {
    throw new AppError('indicators_step_closed', 409, { params: { step } });
  }
}

/** The indicator's disaggregation columns, then new ones in the order the file gives them. */
export function mergeDisaggregations(existing: readonly string[], incoming: readonly string[]): string[] {
  return [...existing, ...incoming.filter((column) => !existing.includes(column))];
}
