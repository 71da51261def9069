/**
 * Where a piece of work stands against its due date: the one rule every module's work items use, so
 * that "due soon" means the same in the ombudsman's deadlines as in a department's quarterly report.
 * Days are the city's calendar days (`today` from the kernel clock), not working days: a reminder
 * "in 7 days" is read by people who count the calendar.
 */

import type { DueState, WorkItem } from '../../shared/work.ts';
import { addCalendarDays } from '../../shared/zoned-clock.ts';

/** An item due within this many calendar days (after today) is `due_soon`. */
export const dueSoonDays = 7;

export function dueStateOf(dueOn: string | null, today: string): DueState {
  if (dueOn === null) return 'none';
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'due_today';
  if (dueOn <= addCalendarDays(today, dueSoonDays)) return 'due_soon';
  return 'upcoming';
}

/** A work item with its `dueState` computed from its due date and today. */
export function workItem(item: Omit<WorkItem, 'dueState'>, today: string): WorkItem {
  return { ...item, dueState: dueStateOf(item.dueOn, today) };
}

/** Most urgent first: by due date (the earliest, overdue, first), undated last, then by key. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
