/**
 * The lead department reports on a task for one reporting period. A period takes one report at a
 * time: a new one only when there is none yet or the last was returned, and each resubmission is the
 * next revision, so the returned one stays in the history as it was. The resubmission starts with the
 * returned revision's evidence files (the department adds more while it awaits review), and the
 * returned revision keeps its own list.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError } from '../../../../kernel/server/errors.ts';
import type { Report, ReportInput } from '../../contract.ts';
import { requireReport } from '../policy.ts';
import { listStatuses, loadTask, presentReport, reportFiles, yearPeriods } from '../queries.ts';
import { planTrx } from '../tables.ts';

export async function submitReport(
  db: Db,
  user: SessionUser,
  ip: string,
  taskId: number,
  input: ReportInput,
): Promise<Report> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    const task = await loadTask(trx, taskId, { forUpdate: true });
    requireReport(user, task);
    const child = await trx
      .selectFrom('plan_tasks')
      .select('id')
      .where('parent_id', '=', taskId)
      .executeTakeFirst();
    if (child) throw new AppError('plan_report_on_parent', 409);
    const { periods } = await yearPeriods(trx, task.year);
    if (!periods.some((period) => period.code === input.period)) {
      throw fieldError('body.period', 'unknown_period', {
        ko: `${task.year}년의 보고 기간이 아닙니다: ${periods.map((period) => period.code).join(', ')} 가운데 하나여야 합니다.`,
        en: `Not a reporting period of ${task.year}: use one of ${periods.map((period) => period.code).join(', ')}.`,
      });
    }
    const status = (await listStatuses(trx)).find((entry) => entry.code === input.statusCode);
    if (!status) {
      throw fieldError('body.statusCode', 'unknown_status', {
        ko: `없는 상태입니다: ${input.statusCode}`,
        en: `No such status: ${input.statusCode}`,
      });
    }
    const latest = await trx
      .selectFrom('plan_reports')
      .select(['id', 'revision', 'state'])
      .where('task_id', '=', taskId)
      .where('period', '=', input.period)
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    if (latest && latest.state !== 'returned') {
      throw new AppError('plan_report_pending', 409, { params: { state: latest.state } });
    }
    const row = await trx
      .insertInto('plan_reports')
      .values({
        task_id: taskId,
        period: input.period,
        revision: (latest?.revision ?? 0) + 1,
        state: 'submitted',
        status_code: status.code,
        progress: status.progress,
        narrative: input.narrative,
        budget_executed: input.budgetExecuted,
        next_steps: input.nextSteps || null,
        evidence_links: input.evidenceLinks,
        submitted_by: user.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (latest) {
      await trx
        .insertInto('plan_report_files')
        .columns(['report_id', 'file_id', 'position', 'added_by'])
        .expression((eb) =>
          eb
            .selectFrom('plan_report_files')
            .select([eb.val(row.id).as('report_id'), 'file_id', 'position', 'added_by'])
            .where('report_id', '=', latest.id),
        )
        .execute();
    }
    await audit({
      action: 'plan.submit-report',
      entityType: 'plan_reports',
      entityId: String(row.id),
      after: { taskId, period: row.period, revision: row.revision, statusCode: row.status_code },
    });
    return presentReport(row, (await reportFiles(trx, [row.id])).get(row.id));
  });
}
