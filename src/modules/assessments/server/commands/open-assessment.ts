/**
 * Requesting an assessment of a subject (by its department, or opened by the team): it starts at
 * `requested` with the newest version of the template, which it keeps from then on.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError, forbidden } from '../../../../kernel/server/errors.ts';
import { latestTemplates, loadSubject } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';

export async function openAssessment(
  db: Db,
  user: SessionUser,
  ip: string,
  input: { subjectId: number; templateKey: string; year?: number | undefined },
): Promise<number> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const subject = await loadSubject(trx, input.subjectId).catch(() => {
      throw fieldError('body.subjectId', 'unknown_subject', {
        ko: '없는 대상입니다.',
        en: 'No such subject.',
      });
    });
    if (user.role === 'department' && user.departmentCode !== subject.department_code) throw forbidden();
    const [template] = await latestTemplates(trx, input.templateKey);
    if (!template) {
      throw fieldError('body.templateKey', 'unknown_template', {
        ko: '없는 평가표입니다.',
        en: 'No such template.',
      });
    }
    if (template.subject_kind !== subject.kind) throw new AppError('assessments_template_kind_mismatch', 400);
    const row = await trx
      .insertInto('assessments_assessments')
      .values({
        subject_id: subject.id,
        template_id: template.id,
        year: input.year ?? new Date().getUTCFullYear(),
        step: 'requested',
        requested_by: user.id,
      })
      .returning(['id', 'year'])
      .executeTakeFirstOrThrow();
    await audit({
      action: 'assessments.open-assessment',
      entityType: 'assessments_assessments',
      entityId: String(row.id),
      before: null,
      after: { subjectId: subject.id, template: `${template.key}@${template.version}`, year: row.year },
    });
    return row.id;
  });
}
