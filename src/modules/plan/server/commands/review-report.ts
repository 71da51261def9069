/**
 * The office accepts a submitted report (its status then counts as the task's progress) or returns
 * it with a comment saying what to change; either way the report keeps its text, and a returned one
 * waits for the department's next revision.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Report, ReviewInput } from '../../contract.ts';
import { notifyReportReturned } from '../notifications.ts';
import { presentReport, reportFiles } from '../queries.ts';
import { planTrx } from '../tables.ts';

export async function reviewReport(
  db: Db,
  user: SessionUser,
  ip: string,
  reportId: number,
  input: ReviewInput,
): Promise<Report> {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && comment === null) {
    throw fieldError('body.comment', 'comment_required', {
      ko: '반려할 때는 무엇을 고쳐야 하는지 적어 주세요.',
      en: 'Say what to change when returning a report.',
    });
  }
  const report = await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    const before = await trx
      .selectFrom('plan_reports')
      .selectAll()
      .where('id', '=', reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (before.state !== 'submitted') {
      throw new AppError('plan_report_not_submitted', 409, { params: { state: before.state } });
    }
    const state = input.decision === 'accept' ? 'accepted' : 'returned';
    const row = await trx
      .updateTable('plan_reports')
      .set({ state, reviewed_by: user.id, reviewed_at: new Date(), review_comment: comment })
      .where('id', '=', reportId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (state === 'returned') {
      const task = await trx
        .selectFrom('plan_tasks')
        .select(['id', 'code', 'title_ko', 'title_en', 'lead_department'])
        .where('id', '=', before.task_id)
        .executeTakeFirstOrThrow();
      await notifyReportReturned(raw, task, before.period, user.id);
    }
    await audit({
      action: `plan.${input.decision}-report`,
      entityType: 'plan_reports',
      entityId: String(reportId),
      before: { state: before.state },
      after: { state, comment },
    });
    return presentReport(row, (await reportFiles(trx, [reportId])).get(reportId));
  });
  publicDataChanged();
  return report;
}
