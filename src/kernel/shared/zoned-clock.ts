/**
 * A clock in one time zone, for server and web: "today" there, its wall-clock time, local midnight,
 * and calendar-day arithmetic. The server's kernel clock (`kernel/server/city/clock.ts`) is this, in
 * the configured city's zone; the web app's is the same, in the zone the server names in the page.
 */

const dayMs = 24 * 60 * 60 * 1000;

export interface Clock {
  /** IANA name, e.g. `Asia/Seoul`; also what SQL's `at time zone` is given. */
  readonly timeZone: string;
  /** The current instant (overridable in tests). */
  now(): Date;
  /** Today's date in the city, `YYYY-MM-DD`. */
  today(): string;
  /** The current year in the city. */
  year(): number;
  /** The city's calendar date of an instant, `YYYY-MM-DD`. */
  dateOf(instant: Date | string): string;
  /** The city's wall-clock time of an instant, `YYYY-MM-DD HH:mm` (24-hour). */
  localDateTime(instant?: Date | string): string;
  /** The zone's offset from UTC at an instant, in minutes (east positive: Seoul +540). */
  offsetMinutes(instant: Date | string): number;
  /** The instant a wall-clock time in the zone (`YYYY-MM-DDTHH:mm`, as a form's input gives it) is. */
  instantOf(local: string): Date;
  /** The instant a city calendar day begins (its local midnight). */
  startOfDay(date: string): Date;
  /** The instant a city calendar day ends (the next day's local midnight). */
  endOfDay(date: string): Date;
  /** The calendar day `days` after `date` (both `YYYY-MM-DD`; calendar dates have no time zone). */
  addDays(date: string, days: number): string;
}

/** Calendar-day arithmetic on `YYYY-MM-DD`, independent of any time zone. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function zonedClock(timeZone: string, now: () => Date = () => new Date()): Clock {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const fields = (instant: Date) => {
    const out: Record<string, string> = {};
    for (const part of parts.formatToParts(instant)) out[part.type] = part.value;
    return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  };
  const asDate = (instant: Date | string) => (typeof instant === 'string' ? new Date(instant) : instant);
  const dateOf = (instant: Date | string) => {
    const f = fields(asDate(instant));
    return `${f.year}-${f.month}-${f.day}`;
  };
  /** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
  const offsetAt = (instant: Date) => {
    const f = fields(instant);
    const wall = Date.UTC(+f.year, +f.month - 1, +f.day, +f.hour, +f.minute, +f.second);
    return wall - Math.floor(instant.getTime() / 1000) * 1000;
  };
  const instantOf = (local: string) => {
    // Guess with the offset at the same wall time in UTC, then correct once for a change of offset
    // (daylight saving) between the guess and the answer.
    const wall = Date.parse(`${local.slice(0, 16)}:00Z`);
    let instant = wall - offsetAt(new Date(wall));
    instant = wall - offsetAt(new Date(instant));
    return new Date(instant);
  };
  const startOfDay = (date: string) => instantOf(`${date}T00:00`);
  return {
    timeZone,
    now,
    today: () => dateOf(now()),
    year: () => Number(dateOf(now()).slice(0, 4)),
    dateOf,
    localDateTime: (instant = now()) => {
      const f = fields(asDate(instant));
      return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}`;
    },
    offsetMinutes: (instant) => Math.round(offsetAt(asDate(instant)) / 60000),
    instantOf,
    startOfDay,
    endOfDay: (date) => startOfDay(addCalendarDays(date, 1)),
    addDays: addCalendarDays,
  };
}
