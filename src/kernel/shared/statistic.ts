/**
 * One published count, as every module's public statistics show it (server, web, open data). Three
 * cases that a bare number or "<5" ran together:
 * - `count`: the number (a count from records of 0 is a true 0: nothing happened, and nobody can be
 *   picked out of nothing);
 * - `suppressed`: 1 to 4 from records, shown as "<5" (a small cell can point at a person);
 * - `not_recorded`: there is no figure: no records cover it and no published source gives it (e.g. a
 *   year the city published only some totals for). Showing "0" or "<5" there would claim a count
 *   nobody made.
 */
import { z } from 'zod';

/** Counts from records below this (and above zero) are suppressed. */
export const smallCell = 5;

export const statisticSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), value: z.number().int() }),
  z.object({ kind: z.literal('suppressed') }),
  z.object({ kind: z.literal('not_recorded') }),
]);
export type Statistic = z.infer<typeof statisticSchema>;

export const notRecorded: Statistic = { kind: 'not_recorded' };

/** A count from the platform's records; `undefined` when no records cover what it counts. */
export function countedStatistic(count: number | undefined): Statistic {
  if (count === undefined) return notRecorded;
  return count > 0 && count < smallCell ? { kind: 'suppressed' } : { kind: 'count', value: count };
}

/** A figure already public (the city's published totals): shown as given, or not recorded if absent. */
export function publishedStatistic(value: number | null | undefined): Statistic {
  return value === null || value === undefined ? notRecorded : { kind: 'count', value };
}

/**
 * The value in an open dataset's cell: the number, "<5" when suppressed, blank when not recorded
 * (each dataset's codebook says so).
 */
export function statisticCell(statistic: Statistic): number | '<5' | null {
  return statistic.kind === 'count' ? statistic.value : statistic.kind === 'suppressed' ? '<5' : null;
}

/** For sorting a column: not recorded first, then "<5" between 0 and 5, where it belongs. */
export function statisticOrder(statistic: Statistic): number {
  return statistic.kind === 'count' ? statistic.value : statistic.kind === 'suppressed' ? 2.5 : -1;
}

/** The codebook's words for a column of statistics (Korean, English). */
export const statisticCodebook = {
  ko: '5 미만(1~4)은 "<5", 기록이 없는 값은 빈칸',
  en: '"<5" for 1 to 4, blank where nothing was recorded',
} as const;
