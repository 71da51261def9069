/** What importing, entering and correcting observations share: breakdown keys and the year lock. */

import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { AppError, notFound } from '../../../../kernel/server/errors.ts';
import type { CycleStep } from '../../contract.ts';
import type { IndicatorsTables, IndicatorsTrx } from '../tables.ts';
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
export async function cycleSteps(reader: Kysely<IndicatorsTables>): Promise<Map<number, CycleStep>> {
  const rows = await reader.selectFrom('indicators_cycles').select(['year', 'step']).execute();
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
  return [...new Set([...existing, ...incoming])];
}

/**
 * The step of `year`'s cycle (404 when the year has none). A write reads it under a share lock, so
 * that a transition of the cycle waits for the write to commit.
 */
export async function cycleStepOf(
  reader: Kysely<IndicatorsTables>,
  year: number,
  options: { lock?: boolean } = {},
): Promise<CycleStep> {
  let query = reader.selectFrom('indicators_cycles').select('step').where('year', '=', year);
  if (options.lock) query = query.forShare();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return row.step;
}

/** Refuses work that belongs to other steps: 409 `indicators_year_locked` once closed, else `indicators_step_closed`. */
export function requireStep(step: CycleStep, year: number, allowed: readonly CycleStep[]): void {
  if (step === 'closed') throw lockedYear(year);
  if (!allowed.includes(step)) throw new AppError('indicators_step_closed', 409, { params: { step } });
}

/** The id of a breakdown of the indicator, made when the indicator has no such breakdown yet. */
export async function breakdownId(
  trx: IndicatorsTrx,
  indicatorId: number,
  cell: {
    series: string | null;
    unit: string | null;
    geoCode: string | null;
    dimensions: Record<string, string>;
  },
): Promise<number> {
  const key = breakdownKey(cell.series, cell.unit, cell.geoCode, cell.dimensions);
  const found = await trx
    .selectFrom('indicators_breakdowns')
    .select('id')
    .where('indicator_id', '=', indicatorId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (found) return found.id;
  const inserted = await trx
    .insertInto('indicators_breakdowns')
    .values({
      indicator_id: indicatorId,
      series: cell.series,
      unit: cell.unit,
      geo_code: cell.geoCode,
      dimensions: cell.dimensions,
      key,
    })
    .onConflict((oc) => oc.columns(['indicator_id', 'key']).doUpdateSet({ key }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
