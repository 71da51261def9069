/**
 * What a department sees of the ombudsman's work: the information requests and the issued
 * recommendations addressed to it, with the case's receipt number and version (to answer), its own
 * implementation reports, whether an answer is overdue, and nothing else of the case.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { addWorkingDays, cityDate, loadCalendar } from '../../../../kernel/server/calendar/working-days.ts';
import { clock } from '../../../../kernel/server/city/clock.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { forbidden } from '../../../../kernel/server/errors.ts';
import { ombudsmanDb } from '../tables.ts';
import { readDeadlineSettings } from './deadline-settings.ts';
import { loadReports } from './follow-up.ts';
import { dueDatePassed } from './list-deadlines.ts';
import { presentInfoRequest, presentRecommendation } from './read-case.ts';

export async function departmentInbox(db: Db, user: SessionUser, now = clock().now()) {
  if (user.role !== 'department' || user.departmentCode === null) throw forbidden();
  const om = ombudsmanDb(db);
  const [requests, recommendations] = await Promise.all([
    om
      .selectFrom('ombudsman_info_requests as r')
      .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
      .selectAll('r')
      .select(['c.version as case_version', 'c.receipt_number'])
      .where('r.department_code', '=', user.departmentCode)
      .orderBy('r.requested_at', 'desc')
      .execute(),
    om
      .selectFrom('ombudsman_recommendations as r')
      .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
      .selectAll('r')
      .select(['c.version as case_version', 'c.receipt_number'])
      .where('r.department_code', '=', user.departmentCode)
      .where('r.issued_at', 'is not', null)
      .orderBy('r.issued_at', 'desc')
      .execute(),
  ]);
  const [reports, calendar, settings] = await Promise.all([
    loadReports(
      om,
      recommendations.map((row) => row.id),
    ),
    loadCalendar(db),
    readDeadlineSettings(om),
  ]);
  // As on the overdue list: without a written due date, the setting's working days from the issue.
  const dueOf = (row: { due_on: string | null; issued_at: Date | null }) =>
    row.due_on ??
    addWorkingDays(calendar, cityDate(row.issued_at ?? now), settings.daysForDepartmentAnswer).date;
  return {
    informationRequests: requests.map((row) => ({
      ...presentInfoRequest(row),
      caseVersion: row.case_version,
      receiptNumber: row.receipt_number,
      overdue: row.answered_at === null && dueDatePassed(row.due_on, now),
    })),
    recommendations: recommendations.map((row) => ({
      ...presentRecommendation(row, reports.get(row.id) ?? []),
      caseVersion: row.case_version,
      receiptNumber: row.receipt_number,
      overdue: row.responded_at === null && dueDatePassed(dueOf(row), now),
    })),
  };
}
