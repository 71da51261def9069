/**
 * Working days on the city's calendar: Monday to Friday, except the public holidays of the dataset.
 * Days are the city's calendar days, from the kernel clock (`../city/clock.ts`), the same clock
 * that dates a step and computes "today"; a date in a year the calendar does not
 * cover is counted as a working day when it is a weekday, and reported in `uncoveredYears`, so a
 * caller can show that the figure may be off rather than silently trusting it.
 */
import type { Kysely, Transaction } from 'kysely';
import { addCalendarDays, clock } from '../city/clock.ts';

export interface Calendar {
  /** Holiday dates (`YYYY-MM-DD`) with their names. */
  holidays: ReadonlyMap<string, { ko: string; en: string }>;
  /** The years the holiday list is complete for. */
  years: ReadonlySet<number>;
}

// A type alias, not an interface: Kysely's `withTables` needs the implicit index signature.
type CalendarTables = {
  calendar_years: { year: number };
  calendar_holidays: { date: string; name_ko: string; name_en: string };
};

export async function loadCalendar(db: Kysely<object> | Transaction<object>): Promise<Calendar> {
  const typed = db.withTables<CalendarTables>();
  const [years, holidays] = await Promise.all([
    typed.selectFrom('calendar_years').select('year').execute(),
    typed.selectFrom('calendar_holidays').selectAll().execute(),
  ]);
  return {
    years: new Set(years.map((row) => row.year)),
    holidays: new Map(holidays.map((row) => [row.date, { ko: row.name_ko, en: row.name_en }])),
  };
}

const dayMs = 24 * 60 * 60 * 1000;

/** The city's calendar date of an instant (the kernel clock's time zone). */
export function cityDate(instant: Date): string {
  return clock().dateOf(instant);
}

/** The instant a city calendar day begins. */
export function cityMidnight(date: string): Date {
  return clock().startOfDay(date);
}

const nextDate = (date: string): string => addCalendarDays(date, 1);

export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(calendar: Calendar, date: string): boolean {
  return !isWeekend(date) && !calendar.holidays.has(date);
}

/** Whether the calendar's holiday list covers the date's year. */
export function covers(calendar: Calendar, date: string): boolean {
  return calendar.years.has(Number(date.slice(0, 4)));
}

export interface WorkingDayCount {
  days: number;
  /** Years the count went through that the calendar does not cover (weekends only there). */
  uncoveredYears: number[];
}

/**
 * Whole working days after `from` up to and including `to` (both `YYYY-MM-DD`): a request sent on
 * Friday and answered on Monday took one working day. Zero when `to` is not after `from`.
 */
export function workingDaysBetween(calendar: Calendar, from: string, to: string): WorkingDayCount {
  let days = 0;
  const uncovered = new Set<number>();
  for (let date = nextDate(from); date <= to; date = nextDate(date)) {
    if (!covers(calendar, date)) uncovered.add(Number(date.slice(0, 4)));
    if (isWorkingDay(calendar, date)) days += 1;
  }
  return { days, uncoveredYears: [...uncovered].sort() };
}

/**
 * The working time between two instants in days (fractional): the part of each working day's 24
 * hours that lies between `start` and `end`, less the parts `excluded` (e.g. a clock's pauses, as
 * computed by the caller) for the same day.
 */
export function workingTime(
  calendar: Calendar,
  start: Date,
  end: Date,
  activeWithin: (from: Date, to: Date) => number = (from, to) =>
    Math.max(0, to.getTime() - from.getTime()) / dayMs,
): WorkingDayCount {
  if (end <= start) return { days: 0, uncoveredYears: [] };
  let days = 0;
  const uncovered = new Set<number>();
  const last = cityDate(end);
  for (let date = cityDate(start); date <= last; date = nextDate(date)) {
    if (!covers(calendar, date)) uncovered.add(Number(date.slice(0, 4)));
    if (!isWorkingDay(calendar, date)) continue;
    const dayStart = cityMidnight(date);
    const from = new Date(Math.max(start.getTime(), dayStart.getTime()));
    // The day's own end, not start + 24 h: a day of a daylight-saving change is 23 or 25 hours.
    const to = new Date(Math.min(end.getTime(), cityMidnight(nextDate(date)).getTime()));
    if (to > from) days += activeWithin(from, to);
  }
  return { days, uncoveredYears: [...uncovered].sort() };
}

/** The date `days` working days after `from` (a due date given in working days). */
export function addWorkingDays(
  calendar: Calendar,
  from: string,
  days: number,
): WorkingDayCount & { date: string } {
  let date = from;
  let counted = 0;
  const uncovered = new Set<number>();
  while (counted < days) {
    date = nextDate(date);
    if (!covers(calendar, date)) uncovered.add(Number(date.slice(0, 4)));
    if (isWorkingDay(calendar, date)) counted += 1;
  }
  return { date, days: counted, uncoveredYears: [...uncovered].sort() };
}
