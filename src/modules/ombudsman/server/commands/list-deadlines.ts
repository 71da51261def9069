/**
 * The overdue list and the workload per ombudsman, from the clocks of `../deadlines.ts`:
 * - assessment: from receipt until the case left assessment (admitted, dismissed or referred);
 * - decision: from receipt until the decision;
 * both paused while an information request is open; and a department's answer to an information
 * request or an issued recommendation, against its due date. Days are working days on the city's
 * calendar (`kernel/server/calendar`); a count through a year the calendar does not cover is made
 * with weekends only and that year is reported in `uncoveredYears` for the page to warn about.
 */
import {
  addWorkingDays,
  type Calendar,
  cityDate,
  loadCalendar,
  workingDaysBetween,
  workingTime,
} from '../../../../kernel/server/calendar/working-days.ts';
import { clock } from '../../../../kernel/server/city/clock.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { activeDays, type Interval } from '../deadlines.ts';
import { ombudsmanDb } from '../tables.ts';
import { readDeadlineSettings } from './deadline-settings.ts';

export interface OverdueItem {
  caseId: string;
  receiptNumber: string | null;
  kind: 'assessment' | 'decision' | 'information_request' | 'recommendation';
  departmentCode: string | null;
  elapsedDays: number;
  limitDays: number;
  dueOn: string | null;
  assignedTo: string[];
}

/** A due date is a whole calendar day in the city: passed after the next midnight there. */
export function dueDatePassed(dueOn: string, now: Date): boolean {
  return now > clock().endOfDay(dueOn);
}

/** A clock's working days so far (minus pauses), and whether it has run past `limitDays`. */
export function workingClock(
  calendar: Calendar,
  start: Date,
  end: Date,
  pauses: readonly Interval[],
  limitDays: number,
) {
  const counted = workingTime(calendar, start, end, (from, to) => activeDays(from, to, pauses));
  return {
    elapsedDays: Math.round(counted.days * 10) / 10,
    overdue: counted.days > limitDays,
    uncoveredYears: counted.uncoveredYears,
  };
}

export async function listOverdue(
  db: Db,
  now = clock().now(),
): Promise<{ items: OverdueItem[]; uncoveredYears: number[] }> {
  const om = ombudsmanDb(db);
  const [settings, calendar] = await Promise.all([readDeadlineSettings(om), loadCalendar(db)]);
  const uncovered = new Set<number>();
  const note = (years: readonly number[]) => {
    for (const year of years) uncovered.add(year);
  };
  const cases = await om
    .selectFrom('ombudsman_cases')
    .select(['id', 'receipt_number', 'status', 'received_at', 'assessed_at', 'decided_at'])
    .where('status', 'in', ['received', 'assessment', 'investigation', 'decided', 'follow_up'])
    .execute();
  const ids = cases.map((row) => row.id);
  if (ids.length === 0) return { items: [], uncoveredYears: [] };
  const [requests, recommendations, assignments] = await Promise.all([
    om.selectFrom('ombudsman_info_requests').selectAll().where('case_id', 'in', ids).execute(),
    om
      .selectFrom('ombudsman_recommendations')
      .selectAll()
      .where('case_id', 'in', ids)
      .where('issued_at', 'is not', null)
      .where('responded_at', 'is', null)
      .execute(),
    om
      .selectFrom('ombudsman_assignments')
      .select(['case_id', 'user_id'])
      .where('case_id', 'in', ids)
      .execute(),
  ]);
  const assignedTo = (caseId: string) =>
    assignments.filter((row) => row.case_id === caseId).map((row) => row.user_id);
  const items: OverdueItem[] = [];
  for (const row of cases) {
    const pauses: Interval[] = requests
      .filter((request) => request.case_id === row.id)
      .map((request) => ({ start: request.requested_at, end: request.answered_at }));
    const assessment = workingClock(
      calendar,
      row.received_at,
      row.assessed_at ?? now,
      pauses,
      settings.daysToAssessment,
    );
    if (assessment.overdue && row.assessed_at === null) {
      note(assessment.uncoveredYears);
      items.push({
        caseId: row.id,
        receiptNumber: row.receipt_number,
        kind: 'assessment',
        departmentCode: null,
        elapsedDays: assessment.elapsedDays,
        limitDays: settings.daysToAssessment,
        dueOn: null,
        assignedTo: assignedTo(row.id),
      });
    }
    const decision = workingClock(
      calendar,
      row.received_at,
      row.decided_at ?? now,
      pauses,
      settings.daysToDecision,
    );
    if (decision.overdue && row.decided_at === null) {
      note(decision.uncoveredYears);
      items.push({
        caseId: row.id,
        receiptNumber: row.receipt_number,
        kind: 'decision',
        departmentCode: null,
        elapsedDays: decision.elapsedDays,
        limitDays: settings.daysToDecision,
        dueOn: null,
        assignedTo: assignedTo(row.id),
      });
    }
  }
  const caseById = new Map(cases.map((row) => [row.id, row]));
  const owed = [
    ...requests
      .filter((request) => request.answered_at === null)
      .map((request) => ({
        kind: 'information_request' as const,
        caseId: request.case_id,
        department: request.department_code,
        since: request.requested_at,
        dueOn: request.due_on,
      })),
    ...recommendations.map((recommendation) => ({
      kind: 'recommendation' as const,
      caseId: recommendation.case_id,
      department: recommendation.department_code,
      since: recommendation.issued_at ?? now,
      // No due date written on the recommendation: the setting's working days from its issue.
      dueOn:
        recommendation.due_on ??
        addWorkingDays(calendar, cityDate(recommendation.issued_at ?? now), settings.daysForDepartmentAnswer)
          .date,
    })),
  ];
  for (const item of owed) {
    if (!dueDatePassed(item.dueOn, now)) continue;
    // Both figures in working days from the day it was sent: so far, and up to the due date (the
    // allowance that was actually given, which may differ from the current setting).
    const since = cityDate(item.since);
    const elapsed = workingDaysBetween(calendar, since, cityDate(now));
    const allowed = workingDaysBetween(calendar, since, item.dueOn);
    note(elapsed.uncoveredYears);
    items.push({
      caseId: item.caseId,
      receiptNumber: caseById.get(item.caseId)?.receipt_number ?? null,
      kind: item.kind,
      departmentCode: item.department,
      elapsedDays: elapsed.days,
      limitDays: allowed.days,
      dueOn: item.dueOn,
      assignedTo: assignedTo(item.caseId),
    });
  }
  return { items, uncoveredYears: [...uncovered].sort() };
}

export async function workload(db: Db, now = clock().now()) {
  const om = ombudsmanDb(db);
  const [members, open, overdue] = await Promise.all([
    om
      .selectFrom('ombudsman_members')
      .innerJoin('accounts_users', 'accounts_users.id', 'ombudsman_members.user_id')
      .select(['ombudsman_members.user_id', 'accounts_users.display_name', 'ombudsman_members.standing'])
      .orderBy('accounts_users.display_name')
      .execute(),
    om
      .selectFrom('ombudsman_assignments')
      .innerJoin('ombudsman_cases', 'ombudsman_cases.id', 'ombudsman_assignments.case_id')
      .select(['ombudsman_assignments.user_id', 'ombudsman_cases.id', 'ombudsman_cases.status'])
      .where('ombudsman_cases.status', '<>', 'closed')
      .execute(),
    listOverdue(db, now),
  ]);
  const overdueCases = new Set(overdue.items.map((item) => item.caseId));
  return {
    members: members.map((member) => {
      const mine = open.filter((row) => row.user_id === member.user_id);
      const byStatus: Record<string, number> = {};
      for (const row of mine) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      return {
        userId: member.user_id,
        displayName: member.display_name,
        standing: member.standing,
        openCases: mine.length,
        overdueCases: mine.filter((row) => overdueCases.has(row.id)).length,
        byStatus,
      };
    }),
  };
}
