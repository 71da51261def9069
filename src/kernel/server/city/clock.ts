/**
 * The kernel clock: "today in the city", the city's current date and time, and calendar-day
 * arithmetic for due dates, all in the city's time zone. Every module asks this clock rather than
 * `new Date()` plus a time zone of its own, so that a step taken at 01:00 in the city is dated that
 * day (not the previous UTC day), and so that a test can stand at any instant (`setClockNow`).
 */
import { type RawBuilder, sql } from 'kysely';
import { currentCity } from './city.ts';

export { addCalendarDays, type Clock, zonedClock } from '../../shared/zoned-clock.ts';

import { type Clock, zonedClock } from '../../shared/zoned-clock.ts';

let cached: Clock | undefined;
let fixedNow: (() => Date) | undefined;

/** The kernel clock: the configured city's, at the current (or, in a test, the set) instant. */
export function clock(): Clock {
  const { timeZone } = currentCity();
  if (fixedNow) return zonedClock(timeZone, fixedNow);
  if (cached?.timeZone !== timeZone) cached = zonedClock(timeZone);
  return cached;
}

/**
 * Tests: stand the clock at `instant` (every module's "now" and "today") until the returned function
 * is called. Only what asks the kernel clock moves; the database's `now()` does not.
 */
export function setClockNow(instant: Date | string): () => void {
  const at = new Date(instant);
  fixedNow = () => new Date(at);
  return () => {
    fixedNow = undefined;
  };
}

/** Today in the city, by the kernel clock (a default argument for "as of today" queries). */
export const cityToday = (): string => clock().today();

/**
 * The city's time zone for SQL's `at time zone` (`extract(year from t at time zone ${cityZoneSql()})`):
 * a literal rather than a parameter, so that the same expression in a select and its group by is the
 * same expression to PostgreSQL. The name comes from the checked city file, never from a request.
 */
export const cityZoneSql = (): RawBuilder<unknown> => sql.lit(clock().timeZone);
