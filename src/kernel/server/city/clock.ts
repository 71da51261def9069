/**
 * The kernel clock: "today in the city", the city's current date and time, and calendar-day
 * arithmetic for due dates, all in the city's time zone. Every module asks this clock rather than
 * `new Date()` plus a time zone of its own, so that a step taken at 01:00 in the city is dated that
 * day (not the previous UTC day), and so that a test can stand at any instant (`setClockNow`).
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
  const startOfDay = (date: string) => {
    // Local midnight: guess with the offset at UTC midnight, then correct once for a change of
    // offset (daylight saving) between the guess and the answer.
    const utcMidnight = Date.parse(`${date}T00:00:00Z`);
    let instant = utcMidnight - offsetAt(new Date(utcMidnight));
    instant = utcMidnight - offsetAt(new Date(instant));
    return new Date(instant);
  };
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
    startOfDay,
    endOfDay: (date) => startOfDay(addCalendarDays(date, 1)),
    addDays: addCalendarDays,
  };
}

// Until a city is configured (readConfig → activateCity), UTC: never a guessed city.
let current: Clock = zonedClock('UTC');
let fixedNow: (() => Date) | undefined;

/** The kernel clock: the configured city's, at the current (or, in a test, the set) instant. */
export function clock(): Clock {
  return fixedNow ? zonedClock(current.timeZone, fixedNow) : current;
}

export function setClock(next: Clock): void {
  current = next;
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
