/**
 * The ombudsman's part of My work. Titles carry the case's receipt number only, never a complainant,
 * victim, witness or any case text: reminders mail these titles.
 * - A department: the information requests addressed to it and still unanswered (due on the request's
 *   due date), and the issued recommendations it has not yet answered (due on their due date, or the
 *   setting's working days from the issue, as on its inbox).
 * - An ombudsman whose appointment is in force, on the cases their capacity covers (`policy.ts`): a
 *   standing ombudsman the assessments still to make (admit, dismiss or refer: theirs alone), and every
 *   ombudsman the decisions due on the cases assigned to them. Due the day the clock of
 *   `list-deadlines.ts` runs out (working days, paused while an information request is open); a clock
 *   still running is projected from today, so the date moves while it is paused. And on the cases
 *   assigned to them in follow-up, each recommendation not yet closed: once the department's answer is
 *   overdue, chasing it (due on the answer's due date); once answered, following it up and closing it.
 * Officers see no items: they follow the overdue list.
 */
import {
  addWorkingDays,
  type Calendar,
  cityDate,
  cityMidnight,
  isWorkingDay,
  loadCalendar,
  workingTime,
} from '../../../kernel/server/calendar/working-days.ts';
import { clock } from '../../../kernel/server/city/clock.ts';
import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import { addCalendarDays } from '../../../kernel/shared/zoned-clock.ts';
import { casePath, inboxPath, membersPath } from '../web/paths.ts';
import { readDeadlineSettings } from './commands/deadline-settings.ts';
import { appointmentsToConfirm } from './commands/members.ts';
import { activeDays, type Interval } from './deadlines.ts';
import { appointmentInForce } from './policy.ts';
import { ombudsmanDb } from './tables.ts';

const caseTitle = (receiptNumber: string | null) => ({
  ko: `사건 ${receiptNumber ?? '(접수번호 없음)'}`,
  en: `Case ${receiptNumber ?? '(no receipt number)'}`,
});

/**
 * The city day on which a clock of `limitDays` working days from `start` uses up its allowance: found
 * by counting day by day up to now; if it has not yet run out, projected from now as if no new pause
 * came (an open pause stops the clock, so the projected date moves while it lasts).
 */
export function clockDueOn(
  calendar: Calendar,
  start: Date,
  pauses: readonly Interval[],
  limitDays: number,
  now: Date,
): string {
  const today = cityDate(now);
  let counted = 0;
  for (let date = cityDate(start); date <= today; date = addCalendarDays(date, 1)) {
    const from = new Date(Math.max(start.getTime(), cityMidnight(date).getTime()));
    const to = new Date(Math.min(now.getTime(), cityMidnight(addCalendarDays(date, 1)).getTime()));
    counted += workingTime(calendar, from, to, (a, b) => activeDays(a, b, pauses)).days;
    // The day the allowance is used up is the due date: overdue (as `listOverdue` counts) the next.
    if (counted >= limitDays - 1e-9) return date;
  }
  // Not used up yet: the rest of today counts if it is a working day, then whole working days.
  const remaining = Math.ceil(limitDays - counted - 1e-9);
  return addWorkingDays(calendar, today, isWorkingDay(calendar, today) ? remaining - 1 : remaining).date;
}

/** A department's answer is due on the recommendation's due date, else the setting's working days from its issue. */
function answerDue(
  calendar: Calendar,
  days: number,
  row: { due_on: string | null; issued_at: Date | null },
): string {
  return row.due_on ?? addWorkingDays(calendar, cityDate(row.issued_at ?? clock().now()), days).date;
}

export async function ombudsmanWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  if (user.role === 'department' && user.departmentCode !== null) {
    return departmentWork(db, user.departmentCode, today);
  }
  const confirming =
    user.role === 'ombudsman' || user.role === 'admin' ? await toConfirm(db, user, today) : [];
  if (user.role === 'ombudsman') return [...confirming, ...(await caseworkerWork(db, user.id, today))];
  return confirming;
}

/**
 * Appointments waiting for this user's confirmation (issue 18): the standing ombudsman's in office, an
 * admin's when none is. No due date: a grant waits until a second person takes it.
 */
async function toConfirm(db: Db, user: WorkContext['user'], today: string): Promise<WorkItem[]> {
  return (await appointmentsToConfirm(db, user)).map((appointment) =>
    workItem(
      {
        key: `ombudsman:appointment:${appointment.userId}:confirm`,
        kind: 'ombudsman.confirm_appointment',
        module: 'ombudsman',
        title: {
          ko: `${appointment.standing ? '상임' : '비상임'} 인권옴부즈맨 위촉: ${appointment.displayName}`,
          en: `${appointment.standing ? 'Standing' : 'Non-standing'} ombudsman appointment: ${appointment.displayName}`,
        },
        action: { ko: '위촉 확인하기', en: 'Confirm the appointment' },
        departmentCode: null,
        dueOn: null,
        path: membersPath,
      },
      today,
    ),
  );
}

async function departmentWork(db: Db, departmentCode: string, today: string): Promise<WorkItem[]> {
  const om = ombudsmanDb(db);
  const [requests, recommendations] = await Promise.all([
    om
      .selectFrom('ombudsman_info_requests as r')
      .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
      .select(['r.id', 'r.due_on', 'c.receipt_number'])
      .where('r.department_code', '=', departmentCode)
      .where('r.answered_at', 'is', null)
      .where('c.status', '<>', 'closed')
      .execute(),
    om
      .selectFrom('ombudsman_recommendations as r')
      .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
      .select(['r.id', 'r.due_on', 'r.issued_at', 'c.receipt_number'])
      .where('r.department_code', '=', departmentCode)
      .where('r.issued_at', 'is not', null)
      .where('r.responded_at', 'is', null)
      .where('c.status', '<>', 'closed')
      .execute(),
  ]);
  const items = requests.map((row) =>
    workItem(
      {
        key: `ombudsman:${row.id}:answer_information:${departmentCode}`,
        kind: 'ombudsman.answer_information',
        module: 'ombudsman',
        title: caseTitle(row.receipt_number),
        action: { ko: '옴부즈맨의 자료 요청에 답하기', en: 'Answer the ombudsman’s information request' },
        departmentCode,
        dueOn: row.due_on,
        path: inboxPath,
      },
      today,
    ),
  );
  if (recommendations.length > 0) {
    const [calendar, settings] = await Promise.all([loadCalendar(db), readDeadlineSettings(om)]);
    for (const row of recommendations) {
      items.push(
        workItem(
          {
            key: `ombudsman:${row.id}:respond_recommendation:${departmentCode}`,
            kind: 'ombudsman.respond_recommendation',
            module: 'ombudsman',
            title: caseTitle(row.receipt_number),
            action: { ko: '옴부즈맨의 권고에 회신하기', en: 'Answer the ombudsman’s recommendation' },
            departmentCode,
            dueOn: answerDue(calendar, settings.daysForDepartmentAnswer, row),
            path: inboxPath,
          },
          today,
        ),
      );
    }
  }
  return items;
}

async function caseworkerWork(db: Db, userId: string, today: string): Promise<WorkItem[]> {
  const om = ombudsmanDb(db);
  const member = await om
    .selectFrom('ombudsman_members')
    .select(['standing', 'appointed_on', 'term_ends_on', 'confirmed_at', 'withdrawn_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member || !appointmentInForce(member, today)) return [];
  const assigned = om.selectFrom('ombudsman_assignments').select('case_id').where('user_id', '=', userId);
  const cases = await om
    .selectFrom('ombudsman_cases')
    .select(['id', 'receipt_number', 'status', 'received_at'])
    .where(({ or, and, eb }) =>
      or([
        // Deciding admissibility is the standing ombudsman's alone.
        ...(member.standing
          ? [and([eb('status', 'in', ['received', 'assessment']), eb('assessed_at', 'is', null)])]
          : []),
        and([eb('status', '=', 'investigation'), eb('decided_at', 'is', null), eb('id', 'in', assigned)]),
      ]),
    )
    .execute();
  const recommendations = await om
    .selectFrom('ombudsman_recommendations as r')
    .innerJoin('ombudsman_cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.case_id', 'r.department_code', 'r.due_on', 'r.issued_at', 'r.responded_at'])
    .select('c.receipt_number')
    .where('c.status', '=', 'follow_up')
    .where('r.issued_at', 'is not', null)
    .where('r.closed_at', 'is', null)
    .where('r.case_id', 'in', assigned)
    .execute();
  if (cases.length === 0 && recommendations.length === 0) return [];
  const [settings, calendar, requests] = await Promise.all([
    readDeadlineSettings(om),
    loadCalendar(db),
    cases.length === 0
      ? []
      : om
          .selectFrom('ombudsman_info_requests')
          .select(['case_id', 'requested_at', 'answered_at'])
          .where(
            'case_id',
            'in',
            cases.map((row) => row.id),
          )
          .execute(),
  ]);
  const now = clock().now();
  const followUps: WorkItem[] = [];
  for (const row of recommendations) {
    const answered = row.responded_at !== null;
    const dueOn = answerDue(calendar, settings.daysForDepartmentAnswer, row);
    // An unanswered recommendation is the department's work until its due date passes; then the
    // caseworker chases it. An answered one waits for the caseworker to follow it up and close it.
    if (!answered && dueOn >= today) continue;
    followUps.push(
      workItem(
        {
          key: `ombudsman:${row.id}:${answered ? 'follow_up' : 'chase_answer'}`,
          kind: answered ? 'ombudsman.follow_up' : 'ombudsman.chase_answer',
          module: 'ombudsman',
          title: caseTitle(row.receipt_number),
          action: answered
            ? { ko: '권고 이행 점검하고 종결하기', en: 'Follow up the recommendation and close it' }
            : { ko: '부서의 늦은 권고 회신 독촉하기', en: 'Chase the department’s overdue answer' },
          departmentCode: row.department_code,
          dueOn: answered ? null : dueOn,
          path: casePath(row.case_id),
        },
        today,
      ),
    );
  }
  const steps = cases.map((row) => {
    const pauses: Interval[] = requests
      .filter((request) => request.case_id === row.id)
      .map((request) => ({ start: request.requested_at, end: request.answered_at }));
    const deciding = row.status === 'investigation';
    return workItem(
      {
        key: `ombudsman:${row.id}:${deciding ? 'decide' : 'assess'}`,
        kind: deciding ? 'ombudsman.decide' : 'ombudsman.assess',
        module: 'ombudsman',
        title: caseTitle(row.receipt_number),
        action: deciding
          ? { ko: '사건 결정하기', en: 'Decide the case' }
          : { ko: '사건 각하·조사 여부 판단하기', en: 'Assess the case (admit, dismiss or refer)' },
        departmentCode: null,
        dueOn: clockDueOn(
          calendar,
          row.received_at,
          pauses,
          deciding ? settings.daysToDecision : settings.daysToAssessment,
          now,
        ),
        path: casePath(row.id),
      },
      today,
    );
  });
  return [...steps, ...followUps];
}
