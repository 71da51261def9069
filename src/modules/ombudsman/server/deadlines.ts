/**
 * Deadline arithmetic, kept pure so that it is tested with fixed dates: a clock runs from its start
 * to now (or to when the stage ended), minus the time the case waited on information (a request to a
 * department is open), counted once where waits overlap.
 */

export interface Interval {
  start: Date;
  /** Null while still open (the wait goes on). */
  end: Date | null;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Days between `start` and `end` not covered by any of `pauses` (fractional, never negative). */
export function activeDays(start: Date, end: Date, pauses: readonly Interval[]): number {
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  const clipped = pauses
    .map((pause) => ({
      start: Math.max(from, pause.start.getTime()),
      end: Math.min(to, (pause.end ?? end).getTime()),
    }))
    .filter((pause) => pause.end > pause.start)
    .sort((a, b) => a.start - b.start);
  let paused = 0;
  let coveredUntil = from;
  for (const pause of clipped) {
    const pauseStart = Math.max(pause.start, coveredUntil);
    if (pause.end > pauseStart) {
      paused += pause.end - pauseStart;
      coveredUntil = pause.end;
    }
  }
  return (to - from - paused) / dayMs;
}

/** Whether a clock with `limitDays` has run out, and how far it has run. */
export function clockState(
  start: Date,
  end: Date,
  pauses: readonly Interval[],
  limitDays: number,
): { elapsedDays: number; overdue: boolean } {
  const elapsedDays = Math.round(activeDays(start, end, pauses) * 10) / 10;
  return { elapsedDays, overdue: activeDays(start, end, pauses) > limitDays };
}
