/** Dates as Gwangju lives them: Asia/Seoul is UTC+9 all year (no daylight saving). */
const seoulOffsetMs = 9 * 60 * 60 * 1000;

/** The calendar date in Seoul at `at`, as `YYYY-MM-DD`. */
export function seoulDate(at: Date = new Date()): string {
  return new Date(at.getTime() + seoulOffsetMs).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
